using System.Collections.Generic;

namespace MessagingProvider.Notifications;

public sealed class ResolvedRecipients
{
    public List<string> To { get; } = new List<string>();
    public List<string> Cc { get; } = new List<string>();

    /// <summary>Objects that could not be notified and why (no mail address).</summary>
    public List<string> Skipped { get; } = new List<string>();

    /// <summary>Why nothing is sent at all (the policy turns this event off), or null.</summary>
    public string? Suppressed { get; set; }

    public bool IsEmpty => To.Count == 0 && Cc.Count == 0;
}

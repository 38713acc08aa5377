using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.Notifications;

public sealed class ResolvedRecipients
{
    public List<string> To { get; } = new List<string>();
    public List<string> Cc { get; } = new List<string>();

    /// <summary>
    /// Role-based recipients (members, owners, managers, the person who made the change…), not
    /// the store's or the call's fixed To/Cc: they never see each other's addresses.
    /// </summary>
    public List<string> Bcc { get; } = new List<string>();

    /// <summary>The directory object each role-based address came from (its language is read from it).</summary>
    public Dictionary<string, DirectoryObject> Objects { get; } = new Dictionary<string, DirectoryObject>(System.StringComparer.OrdinalIgnoreCase);

    /// <summary>Objects that could not be notified and why (no mail address).</summary>
    public List<string> Skipped { get; } = new List<string>();

    /// <summary>Why nothing is sent at all (the policy turns this event off), or null.</summary>
    public string? Suppressed { get; set; }

    public bool IsEmpty => To.Count == 0 && Cc.Count == 0 && Bcc.Count == 0;

    /// <summary>Everyone, once: the SMTP envelope.</summary>
    public IEnumerable<string> All => To.Concat(Cc).Concat(Bcc);
}

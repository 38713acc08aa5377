using System.Collections.Generic;
using MessagingProvider.Notifications.Outbox;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications;

/// <summary>A rendered notification: its result so far (Summary), and the outbox entries (one per transaction) it becomes.</summary>
public sealed class NotificationDraft
{
    public NotificationDraft(NotificationResult result) => Summary = result;

    public NotificationResult Summary { get; }

    public List<OutboxMessage> Entries { get; } = new List<OutboxMessage>();

    /// <summary>The rendered messages (one per template and language) by Message-ID, kept so that this run sends them without reading them back.</summary>
    public Dictionary<string, MimeKit.MimeMessage> Messages { get; } = new Dictionary<string, MimeKit.MimeMessage>(System.StringComparer.Ordinal);

    /// <summary>Nothing to queue (the policy turns the event off, or nobody to notify).</summary>
    public bool IsSkipped => Entries.Count == 0;
}

using System;
using MessagingProvider.Notifications.Outbox;

namespace MessagingProvider.Output;

/// <summary>One outbox entry (one SMTP transaction of a notification): queued, or in the history once final.</summary>
public sealed class QueuedNotification
{
    public string IdentityStore { get; set; } = "";

    /// <summary>The entry's number in the store's outbox (Remove-QueuedNotification -Id).</summary>
    public long Id { get; set; }

    public OutboxState State { get; set; }
    public string MessageId { get; set; } = "";
    public string Event { get; set; } = "";
    public string Object { get; set; } = "";
    public string Subject { get; set; } = "";
    public Configuration.NotificationDeliveryMethod Transport { get; set; }
    public string[] Recipients { get; set; } = Array.Empty<string>();
    public DateTime Created { get; set; }
    public DateTime? NextAttempt { get; set; }
    public DateTime? Completed { get; set; }
    public int Attempts { get; set; }
    public string? LastReply { get; set; }
    public string? QueueId { get; set; }
    public string? ErrorId { get; set; }
    public bool PossibleDuplicate { get; set; }

    /// <summary>How long it has been queued (or was, until it was final).</summary>
    public TimeSpan Age => (Completed ?? DateTime.Now) - Created;

    public static QueuedNotification From(OutboxMessage m) => new QueuedNotification
    {
        IdentityStore = m.IdentityStore,
        Id = m.Id,
        State = m.State,
        MessageId = m.MessageId,
        Event = m.Event,
        Object = m.Object,
        Subject = m.Subject,
        Transport = m.Transport,
        Recipients = new System.Collections.Generic.List<string>(m.Recipients).ToArray(),
        Created = m.Created.ToLocalTime(),
        NextAttempt = m.State is OutboxState.Sent or OutboxState.Failed ? null : m.NextAttempt.ToLocalTime(),
        Completed = m.Completed?.ToLocalTime(),
        Attempts = m.Attempts,
        LastReply = m.LastReply,
        QueueId = m.QueueId,
        ErrorId = m.ErrorId,
        PossibleDuplicate = m.PossibleDuplicate,
    };
}

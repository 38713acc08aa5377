using System;
using System.Collections.Generic;

namespace MessagingProvider.Notifications.Outbox;

/// <summary>One transaction's worth of a rendered notification: its MIME and the envelope recipients it goes to.</summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public string IdentityStore { get; set; } = "";
    public string MessageId { get; set; } = "";
    public string Event { get; set; } = "";
    public string Object { get; set; } = "";
    public string Subject { get; set; } = "";
    public Configuration.NotificationDeliveryMethod Transport { get; set; }
    public IReadOnlyList<string> Recipients { get; set; } = Array.Empty<string>();

    /// <summary>The rendered message; dropped once the message is final (the history keeps the rest).</summary>
    public byte[]? Mime { get; set; }

    public OutboxState State { get; set; }
    public DateTime Created { get; set; }
    public DateTime NextAttempt { get; set; }
    public DateTime? Completed { get; set; }
    public int Attempts { get; set; }
    public string? LastReply { get; set; }
    public string? QueueId { get; set; }
    public string? ErrorId { get; set; }

    /// <summary>Sent again after a lost reply: the server may hold it twice (same Message-ID).</summary>
    public bool PossibleDuplicate { get; set; }

    /// <summary>Why this run did not send it (not stored: the history keeps the reply and error id).</summary>
    public string? Reason { get; set; }
}

using System;

namespace MessagingProvider.Output;

public enum NotificationStatus
{
    Sent,
    Failed,

    /// <summary>Nothing to send: the policy turns the event off, or nobody resolved to an address.</summary>
    Skipped,

    /// <summary>A temporary failure outlasted -MaxAttempts: the message waits in the outbox for the next run.</summary>
    Deferred,
}

/// <summary>One message of Send-Notification, written as soon as it is sent (or not).</summary>
public sealed class NotificationResult
{
    public string IdentityStore { get; set; } = "";
    public string Event { get; set; } = "";
    public string Object { get; set; } = "";
    public NotificationStatus Status { get; set; }

    /// <summary>The delivery method the message went (or would go) through.</summary>
    public Configuration.NotificationDeliveryMethod Transport { get; set; }
    public string? Subject { get; set; }
    public string[] To { get; set; } = Array.Empty<string>();
    public string[] Cc { get; set; } = Array.Empty<string>();

    /// <summary>Role-based recipients, sent as blind copies (see about_MessagingProvider_Outbox).</summary>
    public string[] Bcc { get; set; } = Array.Empty<string>();
    public int Attempts { get; set; }
    public string? ServerReply { get; set; }
    public string? MessageId { get; set; }

    /// <summary>The server's queue id from its reply ("queued as …").</summary>
    public string? QueueId { get; set; }

    /// <summary>
    /// True when a reply was lost after the end of DATA (or a sender died mid-send) and the message
    /// was sent again with the same Message-ID: the recipients may have it twice.
    /// </summary>
    public bool PossibleDuplicate { get; set; }

    /// <summary>The outbox entries (one per SMTP transaction) holding this message.</summary>
    public long[] OutboxId { get; set; } = Array.Empty<long>();

    /// <summary>When a Deferred message is tried again (Send-QueuedNotification, or the next Send-Notification).</summary>
    public DateTime? NextAttempt { get; set; }
    public string? Reason { get; set; }
    public string[] SkippedRecipients { get; set; } = Array.Empty<string>();

    /// <summary>The template and language each recipient gets ("custom de-DE: anna@contoso.com").</summary>
    public string[] Templates { get; set; } = Array.Empty<string>();
}

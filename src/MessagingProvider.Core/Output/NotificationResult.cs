using System;

namespace MessagingProvider.Output;

public enum NotificationStatus
{
    Sent,
    Failed,

    /// <summary>Nothing to send: the policy turns the event off, or nobody resolved to an address.</summary>
    Skipped,
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
    public int Attempts { get; set; }
    public string? ServerReply { get; set; }
    public string? MessageId { get; set; }
    public string? Reason { get; set; }
    public string[] SkippedRecipients { get; set; } = Array.Empty<string>();
}

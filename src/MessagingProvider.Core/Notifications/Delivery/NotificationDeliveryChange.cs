using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>What Set-NotificationDelivery was given; null means "keep the stored value".</summary>
public sealed class NotificationDeliveryChange
{
    public NotificationDeliveryMethod? Method { get; set; }
    public string? From { get; set; }
    public TimeSpan? Timeout { get; set; }
    public int? MaxRecipientsPerMessage { get; set; }
    public int? MessagesPerMinute { get; set; }
    public int? MaxAttempts { get; set; }
    public int? HistoryRetentionDays { get; set; }
}

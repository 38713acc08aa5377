using System.Collections.Generic;
using MessagingProvider.Notifications;

namespace MessagingProvider.Configuration;

/// <summary>Recipients, role-based recipients, life-cycle switches and template overrides.</summary>
public sealed class NotificationSettings
{
    public List<string> To { get; set; } = new List<string>();
    public List<string> Cc { get; set; } = new List<string>();
    public NotificationPolicy Policy { get; set; } = new NotificationPolicy();
    public Dictionary<NotificationEvent, NotificationTemplate> Templates { get; set; } = new Dictionary<NotificationEvent, NotificationTemplate>();

    /// <summary>SMTP or Microsoft Graph (Set-NotificationDelivery).</summary>
    public NotificationDeliverySettings Delivery { get; set; } = new NotificationDeliverySettings();
}

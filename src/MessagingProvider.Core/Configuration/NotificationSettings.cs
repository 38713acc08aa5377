using System.Collections.Generic;
using MessagingProvider.Notifications;

namespace MessagingProvider.Configuration;

/// <summary>Recipients, role-based recipients, life-cycle switches and template overrides.</summary>
public sealed class NotificationSettings
{
    public List<string> To { get; set; } = new List<string>();
    public List<string> Cc { get; set; } = new List<string>();
    public NotificationPolicy Policy { get; set; } = new NotificationPolicy();

    /// <summary>The store's own templates for any language (Set-NotificationTemplate without -Culture).</summary>
    public Dictionary<NotificationEvent, NotificationTemplate> Templates { get; set; } = new Dictionary<NotificationEvent, NotificationTemplate>();

    /// <summary>The store's own templates per culture name ("de-DE"), then per event (Set-NotificationTemplate -Culture).</summary>
    public Dictionary<string, Dictionary<NotificationEvent, NotificationTemplate>>? CultureTemplates { get; set; }

    /// <summary>The language of recipients whose objects name none (Set-NotificationTemplate -DefaultCulture); null: en-US.</summary>
    public string? DefaultCulture { get; set; }

    /// <summary>SMTP or Microsoft Graph (Set-NotificationDelivery).</summary>
    public NotificationDeliverySettings Delivery { get; set; } = new NotificationDeliverySettings();
}

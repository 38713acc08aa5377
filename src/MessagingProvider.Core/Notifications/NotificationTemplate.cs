namespace MessagingProvider.Notifications;

/// <summary>
/// Subject and plain-text body with placeholders: {Object}, {ObjectMail}, {Member}, {ChangedBy},
/// {Days}, {Date}, {PortalUrl}, {IdentityStore}, {Event}.
/// </summary>
public sealed class NotificationTemplate
{
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

namespace MessagingProvider.Output;

public sealed class NotificationTemplateInfo
{
    public string IdentityStore { get; set; } = "";
    public string Event { get; set; } = "";
    public bool IsCustom { get; set; }
    public string Subject { get; set; } = "";
    public string Body { get; set; } = "";
}

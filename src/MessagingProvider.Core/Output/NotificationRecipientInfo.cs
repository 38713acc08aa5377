namespace MessagingProvider.Output;

public sealed class NotificationRecipientInfo
{
    public string IdentityStore { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Address { get; set; } = "";
}

using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

public sealed class EmailProviderDomainInfo
{
    public string IdentityStore { get; set; } = "";
    public string Domain { get; set; } = "";
    public string MailServer { get; set; } = "";

    public static EmailProviderDomainInfo From(string identityStore, EmailProviderDomainEntry entry) => new EmailProviderDomainInfo
    {
        IdentityStore = identityStore,
        Domain = entry.Domain,
        MailServer = entry.MailServer,
    };
}

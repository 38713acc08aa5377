using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

/// <summary>A mail server as output shows it: the client secret is masked, never decrypted.</summary>
public sealed class MailServerInfo
{
    public string IdentityStore { get; set; } = "";
    public string Name { get; set; } = "";

    /// <summary>The name again, so that Get-MailServer output binds to -MailServer: Get-MailServer -Name X | Get-MailAccount.</summary>
    public string MailServer => Name;
    public MailServiceType ServiceType { get; set; }
    public string ServiceAddress { get; set; } = "";
    public bool Receive { get; set; }
    public bool Send { get; set; }
    public MailLoginFormat LoginFormat { get; set; }
    public MailAuthentication Authentication { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? ImapHost { get; set; }
    public int? ImapPort { get; set; }
    public MailTlsMode? ImapTls { get; set; }
    public string? SmtpHost { get; set; }
    public int? SmtpPort { get; set; }
    public MailTlsMode? SmtpTls { get; set; }

    public static MailServerInfo From(string identityStore, MailServerEntry e)
    {
        bool imapSmtp = e.ServiceType == MailServiceType.ImapSmtp;
        return new MailServerInfo
        {
            IdentityStore = identityStore,
            Name = e.Name,
            ServiceType = e.ServiceType,
            ServiceAddress = e.ServiceAddress,
            Receive = e.Receive,
            Send = e.Send,
            LoginFormat = e.LoginFormat,
            Authentication = e.Authentication,
            ClientId = e.ClientId,
            ClientSecret = e.ClientSecret is null ? null : ProtectedSecret.Mask,
            ImapHost = imapSmtp ? e.ImapHost ?? e.ServiceAddress : null,
            ImapPort = imapSmtp ? e.ImapPort : null,
            ImapTls = imapSmtp ? e.ImapTls : null,
            SmtpHost = imapSmtp ? e.SmtpHost ?? e.ServiceAddress : null,
            SmtpPort = imapSmtp ? e.SmtpPort : null,
            SmtpTls = imapSmtp ? e.SmtpTls : null,
        };
    }
}

using System.Security;
using MessagingProvider.Configuration;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// The mail server settings a New-/Set-MailServer call gives. Null means "not given": New uses
/// the defaults, Set keeps what is stored.
/// </summary>
public sealed class MailServerDefinition
{
    public MailServiceType? ServiceType { get; set; }
    public string? ServiceAddress { get; set; }
    public bool? Receive { get; set; }
    public bool? Send { get; set; }
    public MailLoginFormat? LoginFormat { get; set; }
    public MailAuthentication? Authentication { get; set; }
    public string? ClientId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string? ImapHost { get; set; }
    public int? ImapPort { get; set; }
    public MailTlsMode? ImapTls { get; set; }
    public string? SmtpHost { get; set; }
    public int? SmtpPort { get; set; }
    public MailTlsMode? SmtpTls { get; set; }
}

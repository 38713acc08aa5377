using System.Collections.Generic;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum MailServiceType
{
    Exchange,
    ImapSmtp,
    MicrosoftGraph,
}

/// <summary>How an account's login is derived from its email address.</summary>
public enum MailLoginFormat
{
    /// <summary>The login is entered for each account.</summary>
    Manual,
    /// <summary>The full email address, for example test@contoso.com.</summary>
    EmailAddress,
    /// <summary>The part before the @, for example test.</summary>
    MailboxName,
}

public enum MailAuthentication
{
    Basic,
    OAuth2,
}

public enum MailTlsMode
{
    /// <summary>TLS from the first byte (IMAPS 993, SMTPS 465).</summary>
    Tls,
    /// <summary>Plain connection upgraded with STARTTLS (IMAP 143, submission 587).</summary>
    StartTls,
    /// <summary>No encryption: only for test rigs and trusted networks.</summary>
    None,
}

/// <summary>The mail servers, accounts and provider-domains lookup of one identity store.</summary>
public sealed class MailSettings
{
    public List<EmailProviderDomainEntry> ProviderDomains { get; set; } = new List<EmailProviderDomainEntry>();

    public List<MailServerEntry> Servers { get; set; } = new List<MailServerEntry>();

    public List<MailAccountEntry> Accounts { get; set; } = new List<MailAccountEntry>();
}

/// <summary>One row of the provider-domains lookup: addresses in <see cref="Domain"/> use <see cref="MailServer"/>.</summary>
public sealed class EmailProviderDomainEntry
{
    public string Domain { get; set; } = "";

    public string MailServer { get; set; } = "";
}

public sealed class MailServerEntry
{
    public string Name { get; set; } = "";
    public MailServiceType ServiceType { get; set; }
    public string ServiceAddress { get; set; } = "";
    public bool Receive { get; set; }
    public bool Send { get; set; }
    public MailLoginFormat LoginFormat { get; set; } = MailLoginFormat.EmailAddress;
    public MailAuthentication Authentication { get; set; } = MailAuthentication.Basic;
    public string? ClientId { get; set; }
    public ProtectedSecret? ClientSecret { get; set; }
    public string? ImapHost { get; set; }
    public int ImapPort { get; set; }
    public MailTlsMode ImapTls { get; set; }
    public string? SmtpHost { get; set; }
    public int SmtpPort { get; set; }
    public MailTlsMode SmtpTls { get; set; }
}

public sealed class MailAccountEntry
{
    public string EmailAddress { get; set; } = "";
    public string MailServer { get; set; } = "";
    public string Login { get; set; } = "";
    public ProtectedSecret? Password { get; set; }
}

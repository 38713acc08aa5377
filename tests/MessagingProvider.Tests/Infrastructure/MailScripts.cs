namespace MessagingProvider.Tests.Infrastructure;

/// <summary>Script fragments for the mail server, mail account and provider-domain tests.</summary>
public static class MailScripts
{
    /// <summary>A store Contoso with the mail servers 'Contoso IMAP' (ImapSmtp, mailbox-name logins) and 'Fabrikam EWS' (Exchange, manual logins).</summary>
    public const string Servers =
        Scripts.Credential +
        "$null = New-IdentityStore -Name Contoso\n" +
        "$null = New-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceType ImapSmtp -ServiceAddress mail.contoso.com -Receive -Send -LoginFormat MailboxName\n" +
        "$null = New-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' -ServiceType Exchange -ServiceAddress ews.fabrikam.com -Receive -LoginFormat Manual\n";

    /// <summary><see cref="Servers"/> plus contoso.com and contoso.net mapped to 'Contoso IMAP'.</summary>
    public const string Domains =
        Servers +
        "'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'\n";
}

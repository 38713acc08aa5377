using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Smtp;

namespace MessagingProvider.Readiness.Checks;

/// <summary>
/// Basic authentication for SMTP AUTH to Exchange Online: the store's notification SMTP server and
/// the IMAP/SMTP mail servers whose SMTP host is Exchange Online's.
/// </summary>
public static class SmtpSignInCheck
{
    private const string Fix = "Switch to OAuth 2.0: Set-SmtpServer -Authentication OAuth2 with an app registration that has SMTP.SendAsApp (app-only), or the Microsoft Entra ID SMTP client (Set-EntraSmtpClient, Connect-EntraSmtpMailbox), or Set-NotificationDelivery -Method MicrosoftGraph. Until then a tenant administrator can keep SMTP AUTH on with Set-TransportConfig -SmtpClientAuthenticationDisabled $false.";

    public static void Run(ReadinessContext context)
    {
        SmtpSettings? smtp = context.Store.Smtp;
        if (smtp is not null && ExchangeOnlineHosts.SmtpCloudOf(smtp.Server) is { } cloud)
        {
            string subject = $"SMTP server {smtp.Server}:{smtp.Port} ({smtp.Authentication})";
            if (smtp.Authentication == SmtpAuthentication.Basic)
            {
                context.Add(context.ByDate(PlatformDates.BasicSmtpAuthOff), ReadinessCheck.BasicSmtpToExchangeOnline, subject, PlatformDates.BasicSmtpAuthOff,
                    $"Exchange Online ({cloud}) switches SMTP AUTH with Basic authentication off by default for existing tenants at the end of December 2026; notifications then fail with 535 5.7.139 or 550 5.7.30.",
                    Fix);
            }
            else if (smtp.Authentication == SmtpAuthentication.OAuth2 && !string.IsNullOrEmpty(smtp.UserName) && smtp.Password is not null)
            {
                context.Add(ReadinessSeverity.Warning, ReadinessCheck.BasicSmtpToExchangeOnline, subject, null,
                    $"The OAuth 2.0 password grant (ROPC) for '{smtp.UserName}' fails as soon as the account needs multi-factor authentication or a Conditional Access policy applies.",
                    "Use an app-only grant (Set-SmtpServer -Authentication OAuth2 without -Credential, app permission SMTP.SendAsApp) or the Microsoft Entra ID SMTP client's device-code sign-in.");
            }
        }

        foreach (MailServerEntry server in context.Store.Mail.Servers)
        {
            if (server.ServiceType != MailServiceType.ImapSmtp || !server.Send || server.Authentication != MailAuthentication.Basic) continue;
            if (ExchangeOnlineHosts.SmtpCloudOf(server.SmtpHost) is null) continue;
            context.Add(context.ByDate(PlatformDates.BasicSmtpAuthOff), ReadinessCheck.BasicSmtpToExchangeOnline,
                $"Mail server '{server.Name}' (SMTP {server.SmtpHost}, Basic)", PlatformDates.BasicSmtpAuthOff,
                "Mail accounts of this mail server sign in to Exchange Online's SMTP with a password; that is off by default from the end of December 2026 (535 5.7.139).",
                $"Set-MailServer -Name '{server.Name}' -Authentication OAuth2 with an app registration, or use the Microsoft Graph mail-server type.");
        }
    }
}

using MessagingProvider.Cloud;
using MessagingProvider.Configuration;

namespace MessagingProvider.Smtp;

/// <summary>Warnings Set-SmtpServer gives for settings the Microsoft platform is retiring or blocking.</summary>
public static class SmtpPlatformWarnings
{
    /// <summary>Basic authentication against an Exchange Online SMTP host; null otherwise.</summary>
    public static string? BasicToExchangeOnline(SmtpSettings smtp) =>
        smtp.Authentication == SmtpAuthentication.Basic && ExchangeOnlineHosts.SmtpCloudOf(smtp.Server) is { } cloud
            ? $"{smtp.Server} is Exchange Online ({cloud}), which switches Basic authentication for SMTP AUTH off by default for existing tenants from the end of December 2026 (refusals: 535 5.7.139, 550 5.7.30). Use -Authentication OAuth2 with an app registration, or the Microsoft Entra ID SMTP client (Set-EntraSmtpClient)."
            : null;

    /// <summary>OAuth 2.0 with a user name and password (the resource-owner password grant); null otherwise.</summary>
    public static string? PasswordGrant(SmtpSettings smtp) =>
        smtp.Authentication == SmtpAuthentication.OAuth2 && !string.IsNullOrEmpty(smtp.UserName) && smtp.Password is not null
            ? $"-Authentication OAuth2 with -Credential uses the resource-owner password grant (ROPC) for '{smtp.UserName}': it fails for accounts with multi-factor authentication and is blocked by Conditional Access and security defaults. Prefer an app-only grant (omit -Credential and give the app SMTP.SendAsApp), or the Microsoft Entra ID SMTP client's device-code sign-in (Set-EntraSmtpClient, Connect-EntraSmtpMailbox)."
            : null;
}

using System;
using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Smtp;

/// <summary>
/// Recognises the replies with which Exchange Online refuses clients because of its retirement of
/// Basic authentication for SMTP AUTH, and turns them into errors that name the change and the fix.
/// Matching is on the enhanced status code, which is stable; the text after it varies.
/// </summary>
public static class SmtpPlatformReply
{
    private static readonly Regex EnhancedCode = new Regex(@"^\s*[245]\d\d[ -]+(?<code>[245]\.\d{1,3}\.\d{1,3})\b", RegexOptions.CultureInvariant);

    private const string OAuthFix = "sign in with OAuth 2.0 instead (Set-SmtpServer -Authentication OAuth2 -TokenEndpoint https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token -ClientId <app> -ClientSecret <secret> -Scope https://outlook.office365.com/.default), or send through the Microsoft Entra ID SMTP client (Set-EntraSmtpClient, Connect-EntraSmtpMailbox), or through Microsoft Graph (Set-NotificationDelivery -Method MicrosoftGraph)";

    private const string TenantSetting = "Until then a tenant administrator can switch SMTP AUTH back on (Set-TransportConfig -SmtpClientAuthenticationDisabled $false, or per mailbox Set-CASMailbox <mailbox> -SmtpClientAuthenticationDisabled $false), but Basic authentication for SMTP AUTH is off by default from the end of December 2026 and will be removed (date to be announced in the second half of 2027).";

    /// <summary>The enhanced status code of a reply ("5.7.139"), or null.</summary>
    public static string? CodeOf(string? reply)
    {
        if (reply is null) return null;
        Match m = EnhancedCode.Match(reply);
        return m.Success ? m.Groups["code"].Value : null;
    }

    /// <summary>An error naming the platform change behind <paramref name="reply"/>, or null when the reply is not one of them.</summary>
    public static SmtpStageException? Translate(string? reply, SmtpStage stage, string target, SmtpAuthentication authentication, Exception? inner)
    {
        string? code = CodeOf(reply);
        string quoted = $"the server replied '{reply}'";
        switch (code)
        {
            case "5.7.139":
                return new SmtpStageException(stage, ErrorIds.SmtpBasicAuthDisabled, ErrorKind.AuthenticationError,
                    $"Exchange Online has SMTP AUTH switched off for this tenant or mailbox ({quoted}). Microsoft is retiring Basic authentication (user name and password) for SMTP AUTH: it is off by default for existing tenants from the end of December 2026. To keep sending, {OAuthFix}. {TenantSetting}",
                    target, inner, reply);
            case "5.7.30":
                return new SmtpStageException(stage, ErrorIds.SmtpBasicAuthNotSupported, ErrorKind.AuthenticationError,
                    $"Exchange Online no longer accepts Basic authentication for client submission ({quoted}). Microsoft is retiring Basic authentication for SMTP AUTH (off by default from the end of December 2026). To keep sending, {OAuthFix}. {TenantSetting}",
                    target, inner, reply);
            case "5.7.3":
                string how = authentication == SmtpAuthentication.OAuth2
                    ? "The token was refused: check that the app has the SMTP.SendAsApp permission with admin consent, that its service principal is registered in Exchange Online (New-ServicePrincipal) with FullAccess to the mailbox, and that SMTP AUTH is enabled for the mailbox."
                    : $"With Basic authentication this usually means a wrong password, an account with MFA, security defaults or a Conditional Access policy, or SMTP AUTH switched off for the mailbox; Basic authentication for SMTP AUTH is also off by default from the end of December 2026. To keep sending, {OAuthFix}.";
                return new SmtpStageException(stage, ErrorIds.SmtpSignInRefusedByTenant, ErrorKind.AuthenticationError,
                    $"Exchange Online refused the sign-in ({quoted}). {how}",
                    target, inner, reply);
            case "5.7.57":
                return new SmtpStageException(stage, ErrorIds.SmtpClientNotAuthenticated, ErrorKind.AuthenticationError,
                    $"Exchange Online does not accept mail from a client that has not signed in ({quoted}). smtp.office365.com takes only authenticated submission: {OAuthFix}; or relay through a connector or direct send to the tenant's MX host for internal recipients. If a Basic sign-in seemed to succeed, the tenant may have switched SMTP AUTH off (off by default from the end of December 2026).",
                    target, inner, reply);
            default:
                return null;
        }
    }
}

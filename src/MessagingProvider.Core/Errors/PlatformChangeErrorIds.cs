namespace MessagingProvider.Errors;

/// <summary>
/// Error ids of refusals caused by a platform change (Exchange Online retiring Basic
/// authentication for SMTP AUTH), kept apart from <see cref="ErrorIds"/> so their messages can
/// say what changed and what to do instead.
/// </summary>
public static class PlatformChangeErrorIds
{
    /// <summary>535 5.7.139: SMTP AUTH (client authentication) is disabled for the tenant or mailbox.</summary>
    public const string SmtpBasicAuthDisabled = "SmtpBasicAuthDisabled";

    /// <summary>550 5.7.30: Basic authentication is not supported for client submission.</summary>
    public const string SmtpBasicAuthNotSupported = "SmtpBasicAuthNotSupported";

    /// <summary>535 5.7.3: Exchange Online refused the sign-in (credentials, security defaults, MFA, or SMTP AUTH off).</summary>
    public const string SmtpSignInRefusedByTenant = "SmtpSignInRefusedByTenant";

    /// <summary>530/550 5.7.57: the client is not authenticated to send mail.</summary>
    public const string SmtpClientNotAuthenticated = "SmtpClientNotAuthenticated";
}

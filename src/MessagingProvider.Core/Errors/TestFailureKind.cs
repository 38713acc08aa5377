namespace MessagingProvider.Errors;

/// <summary>The error of a failed SMTP test stage (Test-SmtpServer, Send-EntraSmtpTestMessage): its id, and its kind from the id.</summary>
public static class TestFailureKind
{
    public static MessagingProviderException Error(string? errorId, string failedStage, string reason, string target) =>
        new MessagingProviderException(errorId ?? ErrorIds.SmtpTestFailed, Of(errorId), $"{failedStage} stage failed: {reason}", target);

    public static ErrorKind Of(string? errorId) => errorId switch
    {
        ErrorIds.SmtpAuthenticationFailed or ErrorIds.OAuthTokenRefused or ErrorIds.SmtpIntegratedAuthUnavailable or ErrorIds.SmtpAuthNotOffered
            or ErrorIds.MailboxLogonRequired => ErrorKind.AuthenticationError,
        ErrorIds.SmtpCertificateInvalid or ErrorIds.SmtpTlsFailed or ErrorIds.SmtpStartTlsNotOffered => ErrorKind.SecurityError,
        ErrorIds.SmtpTimeout => ErrorKind.OperationTimeout,
        ErrorIds.SmtpRecipientRejected or ErrorIds.SmtpSenderRejected or ErrorIds.SmtpMessageRejected => ErrorKind.InvalidOperation,
        ErrorIds.MailboxTokenCacheUnreadable => ErrorKind.InvalidData,
        ErrorIds.SmtpBasicAuthDisabled or ErrorIds.SmtpBasicAuthNotSupported or ErrorIds.SmtpSignInRefusedByTenant
            or ErrorIds.SmtpClientNotAuthenticated => ErrorKind.AuthenticationError,
        _ when errorId?.StartsWith("Entra", System.StringComparison.Ordinal) == true => ErrorKind.AuthenticationError,
        _ => ErrorKind.ConnectionError,
    };
}

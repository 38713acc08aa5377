using MessagingProvider.Errors;

namespace MessagingProvider.Cloud.Graph;

/// <summary>Graph's error answers as the module's errors: a stable id and category per status.</summary>
internal static class GraphErrors
{
    public static GraphSendMailException Translate(GraphErrorAnswer error, string from, int attempts)
    {
        int status = error.StatusCode;
        string answer = error.ToString();
        (string id, ErrorKind kind, string message) = status switch
        {
            401 => (ErrorIds.GraphSendMailFailed, ErrorKind.AuthenticationError,
                $"Microsoft Graph did not accept the application's token to send mail as {from} {answer} Check the app registration's credentials and -Cloud/-GraphEndpoint."),
            403 => (ErrorIds.GraphMailSendDenied, ErrorKind.PermissionDenied,
                $"The application may not send mail as {from} {answer} Give the app registration the Microsoft Graph application permission Mail.Send with admin consent; an application access policy may also limit the mailboxes it can send as."),
            404 => (ErrorIds.GraphMailboxNotFound, ErrorKind.NotFound,
                $"Microsoft Graph has no mailbox {from} to send as {answer} Check the sender mailbox (Set-NotificationDelivery -From): it must be a mailbox of the tenant, not a group or contact."),
            _ when GraphThrottlingPolicy.IsRetryable(status) => (ErrorIds.GraphThrottled, status == 429 ? ErrorKind.ResourceBusy : ErrorKind.ResourceUnavailable,
                $"Microsoft Graph is still throttling or unavailable after {attempts} attempt(s) to send mail as {from} {answer}" +
                (error.RetryAfter is System.TimeSpan wait ? $" It asked to wait {wait.TotalSeconds:0} s." : "") + " Send the remaining notifications later."),
            400 or 413 => (ErrorIds.GraphSendMailFailed, ErrorKind.InvalidArgument, $"Microsoft Graph refused the message sent as {from} {answer}"),
            _ => (ErrorIds.GraphSendMailFailed, status >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.InvalidOperation,
                $"Microsoft Graph refused to send mail as {from} {answer}"),
        };
        return new GraphSendMailException(id, kind, message, from, status, error.Code, attempts);
    }
}

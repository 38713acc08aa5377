using MailKit.Net.Smtp;
using MessagingProvider.Errors;

namespace MessagingProvider.Smtp;

/// <summary>Turns a refused SMTP command into a reason: who was refused, and whether retrying can help.</summary>
public static class SmtpReply
{
    public static bool IsTransient(SmtpCommandException e) => (int)e.StatusCode >= 400 && (int)e.StatusCode < 500;

    /// <summary>MAIL FROM answered 530: the server wants a sign-in first (Exchange Online: 5.7.57).</summary>
    public static SmtpStageException NotAuthenticated(MailKit.ServiceNotAuthenticatedException e, string target)
    {
        // MailKit keeps the reply text but not its code; 530 is the only code it raises this for.
        string reply = "530 " + e.Message;
        return SmtpPlatformReply.Translate(reply, SmtpStage.Send, target, SmtpAuthentication.Anonymous, e)
            ?? new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpAuthenticationFailed, ErrorKind.AuthenticationError,
                $"The server accepts mail only after a sign-in: {reply}. Use -Authentication Basic or OAuth2 with the account that sends.", target, e, reply);
    }

    public static SmtpStageException ToStageException(SmtpCommandException e, string? lastReply, bool stillConnected)
    {
        // With PIPELINING the last reply on the wire may belong to DATA; the exception carries the refused command's own reply.
        string reply = $"{(int)e.StatusCode} {e.Message}";
        if (SmtpPlatformReply.Translate(reply, SmtpStage.Send, e.Mailbox?.Address ?? "", SmtpAuthentication.Basic, e) is { } platform) return platform;
        string retry = IsTransient(e) ? " This is temporary (4xx): the server asks to try again later." : "";
        switch (e.ErrorCode)
        {
            case SmtpErrorCode.RecipientNotAccepted:
                string relay = reply.IndexOf("Relay access denied", System.StringComparison.OrdinalIgnoreCase) >= 0
                    ? " Relay denied: the server does not forward mail for this sender/recipient; authenticate (-Authentication Basic/OAuth2), or ask the mail administrator to allow this computer to relay."
                    : "";
                return new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpRecipientRejected, ErrorKind.InvalidOperation,
                    $"The server refused the recipient {e.Mailbox}: {reply}.{relay}{retry}", e.Mailbox?.Address, e, reply);
            case SmtpErrorCode.SenderNotAccepted:
                return new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpSenderRejected, ErrorKind.InvalidOperation,
                    $"The server refused the sender {e.Mailbox}: {reply}. The authenticated account may not send as this -From address.{retry}", e.Mailbox?.Address, e, reply);
            default:
                return new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpMessageRejected, ErrorKind.InvalidOperation,
                    $"The server refused the message: {reply}.{retry}", null, e, reply);
        }
    }
}

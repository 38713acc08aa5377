using MailKit.Security;

namespace MessagingProvider.Smtp;

/// <summary>
/// The rule for protecting an SMTP session: no credential, token or NTLM exchange crosses an
/// unencrypted connection unless the administrator chose <see cref="SmtpSecurity.None"/> explicitly.
/// </summary>
public static class SmtpTransportSecurity
{
    /// <summary>
    /// What MailKit is asked for. <see cref="SmtpSecurity.Auto"/> is implicit TLS on 465 and
    /// otherwise STARTTLS, required before any authentication; only an anonymous relay accepts a
    /// server that does not offer STARTTLS (a man in the middle can remove it from the EHLO reply).
    /// </summary>
    public static SecureSocketOptions SocketOptions(SmtpSecurity security, int port, SmtpAuthentication authentication) => security switch
    {
        SmtpSecurity.None => SecureSocketOptions.None,
        SmtpSecurity.StartTls => SecureSocketOptions.StartTls,
        SmtpSecurity.SslOnConnect => SecureSocketOptions.SslOnConnect,
        _ when port == 465 => SecureSocketOptions.SslOnConnect,
        _ when authentication == SmtpAuthentication.Anonymous => SecureSocketOptions.StartTlsWhenAvailable,
        _ => SecureSocketOptions.StartTls,
    };

    /// <summary>The warning for an explicit <see cref="SmtpSecurity.None"/> with a sign-in; null when there is nothing to warn about.</summary>
    public static string? PlainTextWarning(SmtpSecurity security, SmtpAuthentication authentication, string server, int port) =>
        security == SmtpSecurity.None && authentication != SmtpAuthentication.Anonymous
            ? $"-Security None: the {authentication} sign-in to {server}:{port} crosses the network unencrypted, where anyone on the path can read or replay it. Use -Security StartTls (587) or SslOnConnect (465) unless this is a trusted test network."
            : null;
}

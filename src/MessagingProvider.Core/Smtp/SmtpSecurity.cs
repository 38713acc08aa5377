namespace MessagingProvider.Smtp;

/// <summary>How the connection is protected (the documents' "SSL enabled").</summary>
public enum SmtpSecurity
{
    /// <summary>Plain text; no TLS at all.</summary>
    None,

    /// <summary>Plain connect, then STARTTLS; fails when the server does not offer it.</summary>
    StartTls,

    /// <summary>TLS from the first byte (implicit TLS, usually port 465).</summary>
    SslOnConnect,

    /// <summary>Implicit TLS on port 465, otherwise STARTTLS, required before any sign-in (see <see cref="SmtpTransportSecurity"/>).</summary>
    Auto,
}

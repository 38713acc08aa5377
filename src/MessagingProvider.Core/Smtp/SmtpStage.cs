namespace MessagingProvider.Smtp;

/// <summary>The steps of reaching an SMTP server, in order.</summary>
public enum SmtpStage
{
    Dns,
    Tcp,
    Tls,
    Ehlo,
    Auth,
    Send,
}

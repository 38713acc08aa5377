namespace MessagingProvider.Configuration;

/// <summary>How an identity store's notifications leave: the transport Send-Notification uses.</summary>
public enum NotificationDeliveryMethod
{
    /// <summary>The store's SMTP server (Set-SmtpServer); the default.</summary>
    Smtp,

    /// <summary>Microsoft Graph sendMail as a mailbox, with the Office 365 provider's app registration.</summary>
    MicrosoftGraph,

    /// <summary>The Microsoft Entra ID SMTP client: SMTP XOAUTH2 as its signed-in mailbox, once Enable-EntraSmtpClient turned it on.</summary>
    EntraSmtpClient,
}

/// <summary>The delivery choice of an identity store (absent in older documents: SMTP).</summary>
public sealed class NotificationDeliverySettings
{
    public NotificationDeliveryMethod Method { get; set; } = NotificationDeliveryMethod.Smtp;

    /// <summary>
    /// The mailbox Microsoft Graph sends as. Kept when the store switches back to SMTP (whose
    /// sender is Set-SmtpServer -From), so switching to Graph again needs no -From.
    /// </summary>
    public string? From { get; set; }

    /// <summary>Bound of every network wait while sending (DNS, connect, greeting, each command, the reply after DATA).</summary>
    public double TimeoutSeconds { get; set; } = DefaultTimeoutSeconds;

    /// <summary>Envelope recipients per SMTP transaction (Exchange Online allows 500); a 452 4.5.3 lowers it for the rest.</summary>
    public int MaxRecipientsPerMessage { get; set; } = 100;

    /// <summary>Messages per minute; 0 = unlimited (Exchange Online: 30 per mailbox).</summary>
    public int MessagesPerMinute { get; set; }

    /// <summary>Tries per message and run before it is left Deferred; Send-Notification -MaxAttempts overrides it.</summary>
    public int MaxAttempts { get; set; } = 4;

    /// <summary>Days the outbox keeps sent and failed messages as history.</summary>
    public int HistoryRetentionDays { get; set; } = 30;

    public const double DefaultTimeoutSeconds = 60;

    public System.TimeSpan GetTimeout() => System.TimeSpan.FromSeconds(TimeoutSeconds > 0 ? TimeoutSeconds : DefaultTimeoutSeconds);
}

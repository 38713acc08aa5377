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
}

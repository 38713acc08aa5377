using System;

namespace MessagingProvider.Configuration;

/// <summary>
/// Everything stored for one identity store: one JSON document per store. Sections other
/// features add (SMTP, notifications, mail servers) hang off this document.
/// </summary>
public sealed class IdentityStoreDocument
{
    /// <summary>The schema this code writes; a newer one on disk is refused, never rewritten.</summary>
    public const int CurrentSchemaVersion = 1;

    public int SchemaVersion { get; set; } = CurrentSchemaVersion;

    public string Name { get; set; } = "";

    public DateTimeOffset Created { get; set; }

    public DateTimeOffset Modified { get; set; }

    public MessagingProviderSettings Messaging { get; set; } = new MessagingProviderSettings();

    /// <summary>The SMTP server notifications go through; null until Set-SmtpServer ran.</summary>
    public SmtpSettings? Smtp { get; set; }

    /// <summary>Who gets notified and when.</summary>
    public NotificationSettings Notifications { get; set; } = new NotificationSettings();
    /// <summary>Mail servers, mail accounts and the provider-domains lookup (absent in older documents).</summary>
    public MailSettings Mail { get; set; } = new MailSettings();

    /// <summary>The Microsoft Entra ID SMTP client (mailbox logon); null until Set-EntraSmtpClient ran.</summary>
    public EntraSmtpClientSettings? EntraSmtpClient { get; set; }

    /// <summary>Who can read the store's secrets; null means the current user only.</summary>
    public SecretProtectionSettings? Protection { get; set; }
}

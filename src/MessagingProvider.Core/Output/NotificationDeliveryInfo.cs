using System;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications.Delivery;

namespace MessagingProvider.Output;

/// <summary>How an identity store's notifications are sent (Get-/Set-NotificationDelivery).</summary>
public sealed class NotificationDeliveryInfo
{
    public string IdentityStore { get; set; } = "";

    public NotificationDeliveryMethod Method { get; set; }

    /// <summary>The address notifications are sent as with this method (SMTP: Set-SmtpServer -From; Entra ID SMTP client: its signed-in mailbox).</summary>
    public string? From { get; set; }

    /// <summary>The SMTP server or the Entra ID SMTP client's smart host (host:port), or the Microsoft Graph endpoint.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The Microsoft Graph sender mailbox, kept while SMTP is used.</summary>
    public string? GraphMailbox { get; set; }

    /// <summary>Bound of every network wait while sending.</summary>
    public TimeSpan Timeout { get; set; }

    public int MaxRecipientsPerMessage { get; set; }

    /// <summary>Messages per minute; 0 = unlimited.</summary>
    public int MessagesPerMinute { get; set; }

    public int MaxAttempts { get; set; }

    public int HistoryRetentionDays { get; set; }

    /// <summary>The store's outbox database.</summary>
    public string? Outbox { get; set; }

    /// <summary>Why sending cannot work yet with the stored settings; null when nothing is missing.</summary>
    public string? Problem { get; set; }

    public static NotificationDeliveryInfo Create(IdentityStoreDocument document)
    {
        NotificationDeliverySettings delivery = document.Notifications.Delivery;
        var info = new NotificationDeliveryInfo
        {
            IdentityStore = document.Name,
            Method = delivery.Method,
            GraphMailbox = delivery.From,
            Problem = NotificationDeliveryRules.Problem(document),
            Timeout = delivery.GetTimeout(),
            MaxRecipientsPerMessage = delivery.MaxRecipientsPerMessage,
            MessagesPerMinute = delivery.MessagesPerMinute,
            MaxAttempts = delivery.MaxAttempts,
            HistoryRetentionDays = delivery.HistoryRetentionDays,
        };
        if (delivery.Method == NotificationDeliveryMethod.Smtp)
        {
            info.From = document.Smtp?.From;
            info.Endpoint = document.Smtp is null ? null : $"{document.Smtp.Server}:{document.Smtp.Port}";
        }
        else if (delivery.Method == NotificationDeliveryMethod.EntraSmtpClient)
        {
            EntraSmtpClientSettings? entra = document.EntraSmtpClient;
            info.From = entra?.MailboxUser;
            info.Endpoint = entra is null ? null : $"{entra.SmartHost}:{entra.Port}";
        }
        else
        {
            info.From = delivery.From;
            Office365Settings? office365 = document.Messaging.Office365;
            Uri? graph = office365 is null ? null : Cloud.CloudTable.Resolve(office365).GraphEndpoint;
            info.Endpoint = graph?.ToString();
        }

        return info;
    }
}

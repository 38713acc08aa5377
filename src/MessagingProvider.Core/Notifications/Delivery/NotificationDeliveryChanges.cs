using System;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>Applies a <see cref="NotificationDeliveryChange"/> to a store's delivery settings.</summary>
public static class NotificationDeliveryChanges
{
    /// <summary>The settings the change gives; the document is not changed. Refused changes throw, naming what to give.</summary>
    public static NotificationDeliverySettings Next(IdentityStoreDocument document, NotificationDeliveryChange change)
    {
        NotificationDeliveryMethod method = change.Method ?? document.Notifications.Delivery.Method;
        NotificationDeliverySettings next = change.Method is not null || change.From is not null
            ? NotificationDeliveryRules.Apply(document, method, change.From)
            : Copy(document.Notifications.Delivery);
        if (change.Timeout is TimeSpan timeout)
        {
            if (timeout < TimeSpan.FromSeconds(1) || timeout > TimeSpan.FromHours(1))
            {
                throw new MessagingProviderException(ErrorIds.InvalidNotificationDeliverySetting, ErrorKind.InvalidArgument,
                    $"-Timeout {timeout} is out of range: give 1 second to 1 hour (default 00:01:00). Nothing was changed.", timeout);
            }

            next.TimeoutSeconds = timeout.TotalSeconds;
        }

        if (change.MaxRecipientsPerMessage is int recipients) next.MaxRecipientsPerMessage = recipients;
        if (change.MessagesPerMinute is int rate) next.MessagesPerMinute = rate;
        if (change.MaxAttempts is int attempts) next.MaxAttempts = attempts;
        if (change.HistoryRetentionDays is int days) next.HistoryRetentionDays = days;
        return next;
    }

    /// <summary>Where the notifications go, as -WhatIf and -Verbose say it.</summary>
    public static string Target(NotificationDeliverySettings next) => next.Method switch
    {
        NotificationDeliveryMethod.MicrosoftGraph => $"Microsoft Graph as {next.From}",
        NotificationDeliveryMethod.EntraSmtpClient => "the Microsoft Entra ID SMTP client",
        _ => "the SMTP server",
    };

    /// <summary>What -WhatIf shows.</summary>
    public static string Describe(NotificationDeliverySettings next) =>
        $"Send notifications through {Target(next)} (timeout {next.GetTimeout().TotalSeconds:0.#} s, {next.MaxRecipientsPerMessage} recipients per message, {(next.MessagesPerMinute == 0 ? "no rate limit" : next.MessagesPerMinute + " per minute")}, {next.MaxAttempts} attempts, history {next.HistoryRetentionDays} days)";

    /// <summary>Warns when the chosen way out is not usable yet.</summary>
    public static void Report(IdentityStoreDocument updated, IOperationSink sink)
    {
        NotificationDeliverySettings delivery = updated.Notifications.Delivery;
        sink.Verbose($"Notifications of '{updated.Name}' are sent through {Target(delivery)}.");
        if (delivery.Method == NotificationDeliveryMethod.Smtp && updated.Smtp is null)
        {
            sink.Warning($"'{updated.Name}' has no SMTP server yet: Send-Notification fails with SmtpServerNotConfigured until Set-SmtpServer -IdentityStore '{updated.Name}' runs.");
        }
    }

    private static NotificationDeliverySettings Copy(NotificationDeliverySettings s) => new NotificationDeliverySettings
    {
        Method = s.Method, From = s.From, TimeoutSeconds = s.TimeoutSeconds, MaxRecipientsPerMessage = s.MaxRecipientsPerMessage,
        MessagesPerMinute = s.MessagesPerMinute, MaxAttempts = s.MaxAttempts, HistoryRetentionDays = s.HistoryRetentionDays,
    };
}

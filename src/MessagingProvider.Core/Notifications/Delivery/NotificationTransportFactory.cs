using MessagingProvider.Cloud.Graph;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// The transport of an identity store's delivery method. A new method is a new enum value, a
/// transport class and one case here; Send-Notification needs no change.
/// </summary>
public static class NotificationTransportFactory
{
    /// <summary>Any method; the store holds the Entra ID SMTP client's sign-in cache.</summary>
    public static INotificationTransport Create(ConfigurationStore store, IdentityStoreDocument document, NotificationTransportOptions options) =>
        Create(document, store.Secrets, options, store);

    /// <summary>SMTP or Microsoft Graph (the Entra ID SMTP client needs the store).</summary>
    public static INotificationTransport Create(IdentityStoreDocument document, SecretVault vault, NotificationTransportOptions options) =>
        Create(document, vault, options, null);

    private static INotificationTransport Create(IdentityStoreDocument document, SecretVault vault, NotificationTransportOptions options, ConfigurationStore? store)
    {
        NotificationDeliverySettings delivery = document.Notifications.Delivery;
        switch (delivery.Method)
        {
            case NotificationDeliveryMethod.Smtp:
            {
                SmtpSettings smtp = SmtpServerChanges.Require(document);
                SmtpEndpoint endpoint = SmtpEndpoint.FromSettings(smtp, vault);
                endpoint.Timeout = delivery.GetTimeout();
                return new SmtpNotificationTransport(endpoint, NotificationDeliveryMethod.Smtp, "SMTP server", options.Verbose);
            }

            case NotificationDeliveryMethod.EntraSmtpClient when store is not null:
            {
                EntraSmtpClientEndpoint.RequireEnabled(document);
                SmtpEndpoint endpoint = EntraSmtpClientEndpoint.Create(store, document);
                endpoint.Timeout = delivery.GetTimeout();
                return new SmtpNotificationTransport(endpoint, NotificationDeliveryMethod.EntraSmtpClient, "the Entra ID SMTP client's smart host", options.Verbose);
            }

            case NotificationDeliveryMethod.MicrosoftGraph:
            {
                Office365Settings office365 = NotificationDeliveryRules.RequireGraphApplication(document);
                string from = delivery.From ?? throw new MessagingProviderException(ErrorIds.GraphDeliveryFromMissing, ErrorKind.InvalidOperation,
                    $"The identity store '{document.Name}' sends through Microsoft Graph but has no sender mailbox. Run Set-NotificationDelivery -IdentityStore '{document.Name}' -Method MicrosoftGraph -From <mailbox>.", document.Name);
                var sender = new GraphMailSender(office365, vault, options.HttpHandlerFactory)
                {
                    Throttling = new GraphThrottlingPolicy { MaxAttempts = options.MaxAttempts, FirstBackOff = options.RetryDelay },
                };
                return new GraphNotificationTransport(sender, from, options.Verbose);
            }

            default:
                throw new MessagingProviderException(ErrorIds.NotificationDeliveryNotSupported, ErrorKind.NotSupported,
                    $"The delivery method {delivery.Method} of '{document.Name}' is not known to this version of the module.", document.Name);
        }
    }
}

using System.Collections.Generic;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// What each delivery method needs from the identity store. Set-NotificationDelivery checks it
/// before storing; the transport factory checks it again at send time, since the provider may
/// have changed since.
/// </summary>
public static class NotificationDeliveryRules
{
    /// <summary>The settings after the change, or an error before anything is stored.</summary>
    public static NotificationDeliverySettings Apply(IdentityStoreDocument document, NotificationDeliveryMethod method, string? from)
    {
        NotificationDeliverySettings current = document.Notifications.Delivery;
        if (method != NotificationDeliveryMethod.MicrosoftGraph)
        {
            if (from is not null)
            {
                string sender = method == NotificationDeliveryMethod.Smtp
                    ? "SMTP sends as the address of Set-SmtpServer -From"
                    : "the Entra ID SMTP client sends as the mailbox signed in with Connect-EntraSmtpMailbox";
                throw new MessagingProviderException(ErrorIds.NotificationDeliveryFromNotUsed, ErrorKind.InvalidArgument,
                    $"-From is the Microsoft Graph sender mailbox; {sender}. Leave -From out with -Method {method}. Nothing was changed.", from);
            }

            if (method == NotificationDeliveryMethod.EntraSmtpClient) EntraSmtpClientEndpoint.RequireEnabled(document);
            return Limits(new NotificationDeliverySettings { Method = method, From = current.From }, current);
        }

        string? mailbox = from is null ? current.From : EmailAddressSyntax.Require(from, "From");
        RequireGraphApplication(document);
        if (mailbox is null)
        {
            throw new MessagingProviderException(ErrorIds.GraphDeliveryFromMissing, ErrorKind.InvalidArgument,
                $"Microsoft Graph sends as a mailbox of the tenant: give -From, e.g. -From notifications@{document.Messaging.Office365?.Domain ?? "contoso.com"}. Nothing was changed.", document.Name);
        }

        return Limits(new NotificationDeliverySettings { Method = method, From = mailbox }, current);
    }

    /// <summary>The sending limits carry over a change of method.</summary>
    private static NotificationDeliverySettings Limits(NotificationDeliverySettings next, NotificationDeliverySettings current)
    {
        next.TimeoutSeconds = current.TimeoutSeconds;
        next.MaxRecipientsPerMessage = current.MaxRecipientsPerMessage;
        next.MessagesPerMinute = current.MessagesPerMinute;
        next.MaxAttempts = current.MaxAttempts;
        next.HistoryRetentionDays = current.HistoryRetentionDays;
        return next;
    }

    /// <summary>The Office 365 settings whose app registration sends through Graph, complete enough to sign in.</summary>
    public static Office365Settings RequireGraphApplication(IdentityStoreDocument document)
    {
        Office365Settings? office365 = document.Messaging.Office365;
        if (document.Messaging.Provider != MessagingProviderType.Office365 || office365 is null)
        {
            throw new MessagingProviderException(ErrorIds.GraphDeliveryRequiresOffice365, ErrorKind.InvalidOperation,
                $"Microsoft Graph delivery signs in with the Office 365 provider's app registration, and the provider of '{document.Name}' is {document.Messaging.Provider}. " +
                $"Run Set-MessagingProvider -IdentityStore '{document.Name}' -Provider Office365 with -ApplicationId and -ClientSecret or -CertificatePath first, or use -Method Smtp.", document.Name);
        }

        var missing = new List<string>();
        if (string.IsNullOrEmpty(office365.Organization)) missing.Add("-Organization");
        Office365SignIn signIn = office365.EffectiveSignIn;
        if (string.IsNullOrEmpty(office365.ApplicationId) && signIn != Office365SignIn.ManagedIdentity) missing.Add("-ApplicationId");
        if (office365.ClientSecret is null && office365.Certificate is null && signIn is not (Office365SignIn.CertificateStore or Office365SignIn.ManagedIdentity)) missing.Add("-ClientSecret, -CertificatePath, -CertificateThumbprint or -ManagedIdentity");
        if (missing.Count > 0)
        {
            throw new MessagingProviderException(ErrorIds.GraphDeliveryApplicationIncomplete, ErrorKind.InvalidOperation,
                $"Microsoft Graph delivery needs the Office 365 app registration of '{document.Name}' to be complete: give {string.Join(", ", missing)} with Set-MessagingProvider. " +
                "The app needs the Microsoft Graph application permission Mail.Send with admin consent.", document.Name);
        }

        return office365;
    }

    /// <summary>Why the stored method cannot send yet, without connecting anywhere; null when it can try.</summary>
    public static string? Problem(IdentityStoreDocument document)
    {
        NotificationDeliverySettings delivery = document.Notifications.Delivery;
        if (delivery.Method == NotificationDeliveryMethod.Smtp)
        {
            return document.Smtp is null ? $"No SMTP server: run Set-SmtpServer -IdentityStore '{document.Name}'." : null;
        }

        try
        {
            if (delivery.Method == NotificationDeliveryMethod.EntraSmtpClient)
            {
                EntraSmtpClientEndpoint.RequireEnabled(document);
                return null;
            }

            RequireGraphApplication(document);
            return delivery.From is null ? "No sender mailbox: run Set-NotificationDelivery -From." : null;
        }
        catch (MessagingProviderException e)
        {
            return e.Message;
        }
    }
}

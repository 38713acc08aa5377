using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Smtp;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>What an administrator is told when a store's notification transport is opened: the way out, and what is unsafe about it.</summary>
public static class TransportNotice
{
    public static void Announce(IdentityStoreDocument document, INotificationTransport transport, IOperationSink sink)
    {
        sink.Verbose($"Notifications of '{document.Name}' go through {transport.Description} as {transport.From} (delivery method {transport.Method}).");
        if (transport.Method == NotificationDeliveryMethod.Smtp && document.Smtp!.SkipCertificateCheck) sink.Warning(CertificateWarning.Text(document.Smtp.Server));
        if (transport.Method == NotificationDeliveryMethod.Smtp && SmtpTransportSecurity.PlainTextWarning(document.Smtp!.Security, document.Smtp.Authentication, document.Smtp.Server, document.Smtp.Port) is { } plainText) sink.Warning(plainText);
        if (transport.Method == NotificationDeliveryMethod.EntraSmtpClient && document.EntraSmtpClient!.SkipCertificateCheck) sink.Warning(CertificateWarning.Text(document.EntraSmtpClient.SmartHost));
    }
}

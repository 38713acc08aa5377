using System.Threading;
using MessagingProvider.Configuration;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>An SMTP server (the store's, or the Entra ID SMTP client's smart host), through one <see cref="NotificationSender"/> connection for all messages.</summary>
public sealed class SmtpNotificationTransport : INotificationTransport
{
    private readonly NotificationSender _sender;

    public SmtpNotificationTransport(NotificationSender sender, NotificationDeliveryMethod method, string what)
    {
        _sender = sender;
        Method = method;
        From = sender.Endpoint.From;
        Description = $"{what} {sender.Endpoint.Server}:{sender.Endpoint.Port}";
    }

    public NotificationDeliveryMethod Method { get; }

    public string From { get; }

    public string Description { get; }

    public SendOutcome Send(MimeMessage message, CancellationToken cancellationToken) => _sender.Send(message, cancellationToken);

    public void Dispose() => _sender.Dispose();
}

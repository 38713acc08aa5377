using System.Threading;
using MessagingProvider.Configuration;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>The store's SMTP server, through one <see cref="NotificationSender"/> connection for all messages.</summary>
public sealed class SmtpNotificationTransport : INotificationTransport
{
    private readonly NotificationSender _sender;

    public SmtpNotificationTransport(NotificationSender sender, string from, string server, int port)
    {
        _sender = sender;
        From = from;
        Description = $"SMTP server {server}:{port}";
    }

    public NotificationDeliveryMethod Method => NotificationDeliveryMethod.Smtp;

    public string From { get; }

    public string Description { get; }

    public SendOutcome Send(MimeMessage message, CancellationToken cancellationToken) => _sender.Send(message, cancellationToken);

    public void Dispose() => _sender.Dispose();
}

using System;
using System.Threading;
using MessagingProvider.Configuration;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// One way notifications leave an identity store. Created by <see cref="NotificationTransportFactory"/>
/// from the store's document, used for every message of one command, then disposed.
/// </summary>
/// <remarks>
/// <see cref="Send"/> returns the outcome of one message, including per-message failures (a
/// rejected recipient, a mailbox Graph does not know). It throws <see cref="Errors.MessagingProviderException"/>
/// only for failures no later message can escape (no connection, sign-in refused): the caller
/// stops then instead of failing every message the same way.
/// </remarks>
public interface INotificationTransport : IDisposable
{
    NotificationDeliveryMethod Method { get; }

    /// <summary>The sender address the rendered message must carry.</summary>
    string From { get; }

    /// <summary>Where messages go, for -Verbose: "SMTP server smtp.contoso.com:587", "Microsoft Graph https://graph.microsoft.com/".</summary>
    string Description { get; }

    SendOutcome Send(MimeMessage message, CancellationToken cancellationToken);
}

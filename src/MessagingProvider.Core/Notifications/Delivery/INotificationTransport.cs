using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// One way notifications leave an identity store. Created by <see cref="NotificationTransportFactory"/>
/// from the store's document, used for every message of one command, then disposed.
/// </summary>
/// <remarks>
/// <see cref="SendAsync"/> makes ONE try of one transaction and returns its outcome, transient and
/// per-message failures included; retries, back-off and the outbox states are the
/// <see cref="NotificationDispatcher"/>'s. It throws <see cref="Errors.MessagingProviderException"/>
/// only for configuration problems no retry can mend (no server, password refused with 535).
/// </remarks>
public interface INotificationTransport : IDisposable
{
    NotificationDeliveryMethod Method { get; }

    /// <summary>The sender address the rendered message must carry.</summary>
    string From { get; }

    /// <summary>Where messages go, for -Verbose: "SMTP server smtp.contoso.com:587", "Microsoft Graph https://graph.microsoft.com/".</summary>
    string Description { get; }

    /// <summary>Sends <paramref name="message"/> to <paramref name="envelope"/> (not its headers: blind recipients are only there).</summary>
    Task<SendOutcome> SendAsync(MimeMessage message, IReadOnlyList<string> envelope, CancellationToken cancellationToken);
}

/// <summary>Conveniences over <see cref="INotificationTransport"/>.</summary>
public static class NotificationTransportExtensions
{
    /// <summary>One try to the message's own To and Cc (no blind recipients).</summary>
    public static Task<SendOutcome> SendAsync(this INotificationTransport transport, MimeMessage message, CancellationToken cancellationToken) =>
        transport.SendAsync(message, System.Linq.Enumerable.ToList(System.Linq.Enumerable.Select(System.Linq.Enumerable.Concat(message.To.Mailboxes, message.Cc.Mailboxes), m => m.Address)), cancellationToken);
}

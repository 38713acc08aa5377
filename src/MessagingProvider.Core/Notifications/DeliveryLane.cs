using System;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Notifications.Outbox;

namespace MessagingProvider.Notifications;

/// <summary>One connection of a send run and where its verbose messages go.</summary>
internal sealed class DeliveryLane
{
    public DeliveryLane(INotificationTransport transport, Action<string>? verbose)
    {
        Transport = transport;
        Verbose = verbose;
    }

    public INotificationTransport Transport { get; }

    public Action<string>? Verbose { get; }

    /// <summary>The last message this connection sent whose outcome was left to the outbox's next transaction.</summary>
    public OutboxMessage? LastOutcomeWaiting { get; set; }
}

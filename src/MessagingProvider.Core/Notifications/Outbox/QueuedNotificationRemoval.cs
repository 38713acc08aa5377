using System;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications.Outbox;

/// <summary>Remove-QueuedNotification: only a message that still waits may go, and never one being sent.</summary>
public static class QueuedNotificationRemoval
{
    /// <summary>The waiting message <paramref name="id"/>; a sent or failed one is history, pruned by retention.</summary>
    public static OutboxMessage FindWaiting(NotificationOutbox outbox, string identityStore, long id)
    {
        OutboxMessage? found = null;
        foreach (OutboxMessage m in outbox.List(Array.Empty<OutboxState>()))
        {
            if (m.Id == id) found = m;
        }

        if (found is null || found.State is OutboxState.Sent or OutboxState.Failed)
        {
            throw new MessagingProviderException(ErrorIds.QueuedNotificationNotFound, ErrorKind.NotFound,
                $"The outbox of '{identityStore}' has no waiting message {id}{(found is null ? "" : $" (it is {found.State}: history is pruned by retention, not removed)")}. See Get-QueuedNotification.", id);
        }

        return found;
    }

    public static void Remove(NotificationOutbox outbox, string identityStore, long id)
    {
        if (!outbox.Remove(id))
        {
            throw new MessagingProviderException(ErrorIds.QueuedNotificationInUse, ErrorKind.ResourceBusy,
                $"Message {id} of '{identityStore}' is being sent right now and was not removed.", id);
        }
    }
}

namespace MessagingProvider.Notifications.Outbox;

/// <summary>Where a queued message is. Stored as its number: never renumber.</summary>
public enum OutboxState
{
    /// <summary>Rendered and committed, not tried yet.</summary>
    Pending = 0,

    /// <summary>Claimed by one sender (lease owner and expiry); nobody else sends it meanwhile.</summary>
    Sending = 1,

    /// <summary>Accepted by the server (final).</summary>
    Sent = 2,

    /// <summary>Refused for good (5xx) or removed from the queue (final).</summary>
    Failed = 3,

    /// <summary>A temporary failure (4xx, 421, refused, timeout): tried again from its next try time.</summary>
    Deferred = 4,

    /// <summary>
    /// The connection was lost after the end of DATA without a reply, or a sender died holding it:
    /// the server may have it. Sent again with the same Message-ID and reported as a possible duplicate.
    /// </summary>
    Uncertain = 5,
}

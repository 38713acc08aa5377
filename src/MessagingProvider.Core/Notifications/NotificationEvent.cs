namespace MessagingProvider.Notifications;

public enum NotificationEvent
{
    ObjectModified,
    MemberAdded,
    MemberRemoved,

    /// <summary>Membership life cycle: temporarily added to a group.</summary>
    MembershipAdded,

    /// <summary>Membership life cycle: temporarily removed from a group.</summary>
    MembershipRemoved,

    /// <summary>Membership life cycle: N days before leaving a group.</summary>
    MembershipExpiring,

    /// <summary>Managed-by life cycle: added as additional owner/manager.</summary>
    AdditionalOwnerAdded,

    /// <summary>Managed-by life cycle: removed as additional owner/manager.</summary>
    AdditionalOwnerRemoved,

    /// <summary>Managed-by life cycle: N days before removal as additional owner/manager.</summary>
    AdditionalOwnerExpiring,

    /// <summary>The findings of Test-MessagingReadiness, listed in one message.</summary>
    ReadinessFindings,
}

namespace MessagingProvider.Notifications;

/// <summary>Who is notified besides the To/Cc lists, and which life-cycle notifications go out.</summary>
public sealed class NotificationPolicy
{
    public bool NotifyChangedBy { get; set; }
    public bool NotifyModifiedObject { get; set; }
    public bool NotifyGroupOwners { get; set; }
    public bool NotifyManagers { get; set; }
    public bool NotifyAddedMembers { get; set; }
    public bool NotifyRemovedMembers { get; set; }
    public bool NotifyPublicGroupOwners { get; set; }

    /// <summary>Absolute http/https URL of the password portal, put into password-expiry notices.</summary>
    public string? PortalUrl { get; set; }

    public bool MembershipOnJoin { get; set; }
    public bool MembershipOnLeave { get; set; }

    /// <summary>Days before leaving a group to notify; null = off.</summary>
    public int? MembershipDaysBeforeLeave { get; set; }

    /// <summary>When set, managed-by life cycle follows the membership switches and its own are ignored.</summary>
    public bool ManagedBySameAsMembership { get; set; }
    public bool ManagedByOnAdd { get; set; }
    public bool ManagedByOnRemove { get; set; }
    public int? ManagedByDaysBeforeRemoval { get; set; }

    public bool LifeCycleAdded(bool managedBy) => managedBy && !ManagedBySameAsMembership ? ManagedByOnAdd : MembershipOnJoin;

    public bool LifeCycleRemoved(bool managedBy) => managedBy && !ManagedBySameAsMembership ? ManagedByOnRemove : MembershipOnLeave;

    public int? LifeCycleDaysBefore(bool managedBy) => managedBy && !ManagedBySameAsMembership ? ManagedByDaysBeforeRemoval : MembershipDaysBeforeLeave;
}

using MessagingProvider.Notifications;

namespace MessagingProvider.Output;

public sealed class NotificationPolicyInfo
{
    public string IdentityStore { get; set; } = "";
    public bool NotifyChangedBy { get; set; }
    public bool NotifyModifiedObject { get; set; }
    public bool NotifyGroupOwners { get; set; }
    public bool NotifyManagers { get; set; }
    public bool NotifyAddedMembers { get; set; }
    public bool NotifyRemovedMembers { get; set; }
    public bool NotifyPublicGroupOwners { get; set; }
    public string? PortalUrl { get; set; }
    public bool MembershipOnJoin { get; set; }
    public bool MembershipOnLeave { get; set; }
    public int? MembershipDaysBeforeLeave { get; set; }
    public bool ManagedBySameAsMembership { get; set; }
    public bool ManagedByOnAdd { get; set; }
    public bool ManagedByOnRemove { get; set; }
    public int? ManagedByDaysBeforeRemoval { get; set; }

    public static NotificationPolicyInfo From(string identityStore, NotificationPolicy p) => new NotificationPolicyInfo
    {
        IdentityStore = identityStore,
        NotifyChangedBy = p.NotifyChangedBy,
        NotifyModifiedObject = p.NotifyModifiedObject,
        NotifyGroupOwners = p.NotifyGroupOwners,
        NotifyManagers = p.NotifyManagers,
        NotifyAddedMembers = p.NotifyAddedMembers,
        NotifyRemovedMembers = p.NotifyRemovedMembers,
        NotifyPublicGroupOwners = p.NotifyPublicGroupOwners,
        PortalUrl = p.PortalUrl,
        MembershipOnJoin = p.MembershipOnJoin,
        MembershipOnLeave = p.MembershipOnLeave,
        MembershipDaysBeforeLeave = p.MembershipDaysBeforeLeave,
        ManagedBySameAsMembership = p.ManagedBySameAsMembership,
        ManagedByOnAdd = p.ManagedByOnAdd,
        ManagedByOnRemove = p.ManagedByOnRemove,
        ManagedByDaysBeforeRemoval = p.ManagedByDaysBeforeRemoval,
    };
}

using MessagingProvider.Notifications;

namespace MessagingProvider.Output;

/// <summary>A store's notification policy as Get- and Set-NotificationPolicy show it: the stored policy, read-only, with its store's name.</summary>
public sealed class NotificationPolicyInfo
{
    private readonly NotificationPolicy _policy;

    /// <summary>A default policy (for tooling that creates an instance of every output type).</summary>
    public NotificationPolicyInfo()
        : this("", new NotificationPolicy())
    {
    }

    private NotificationPolicyInfo(string identityStore, NotificationPolicy policy)
    {
        IdentityStore = identityStore;
        _policy = policy;
    }

    public string IdentityStore { get; }
    public bool NotifyChangedBy => _policy.NotifyChangedBy;
    public bool NotifyModifiedObject => _policy.NotifyModifiedObject;
    public bool NotifyGroupOwners => _policy.NotifyGroupOwners;
    public bool NotifyManagers => _policy.NotifyManagers;
    public bool NotifyAddedMembers => _policy.NotifyAddedMembers;
    public bool NotifyRemovedMembers => _policy.NotifyRemovedMembers;
    public bool NotifyPublicGroupOwners => _policy.NotifyPublicGroupOwners;
    public string? PortalUrl => _policy.PortalUrl;
    public bool MembershipOnJoin => _policy.MembershipOnJoin;
    public bool MembershipOnLeave => _policy.MembershipOnLeave;
    public int? MembershipDaysBeforeLeave => _policy.MembershipDaysBeforeLeave;
    public bool ManagedBySameAsMembership => _policy.ManagedBySameAsMembership;
    public bool ManagedByOnAdd => _policy.ManagedByOnAdd;
    public bool ManagedByOnRemove => _policy.ManagedByOnRemove;
    public int? ManagedByDaysBeforeRemoval => _policy.ManagedByDaysBeforeRemoval;

    public static NotificationPolicyInfo From(string identityStore, NotificationPolicy policy) => new NotificationPolicyInfo(identityStore, policy);
}

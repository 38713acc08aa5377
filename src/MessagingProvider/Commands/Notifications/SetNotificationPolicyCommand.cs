using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Sets who is notified besides the fixed recipients (role-based recipients), the password-expiry
/// portal URL, and the membership and managed-by life-cycle notifications. Switches take
/// -Name:$false to turn an option off; options not given keep their stored values.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NotificationPolicy", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NotificationPolicyInfo))]
public sealed class SetNotificationPolicyCommand : IdentityStoreCmdlet
{
    [Parameter] public SwitchParameter NotifyChangedBy { get; set; }
    [Parameter] public SwitchParameter NotifyModifiedObject { get; set; }
    [Parameter] public SwitchParameter NotifyGroupOwners { get; set; }
    [Parameter] public SwitchParameter NotifyManagers { get; set; }
    [Parameter] public SwitchParameter NotifyAddedMembers { get; set; }
    [Parameter] public SwitchParameter NotifyRemovedMembers { get; set; }
    [Parameter] public SwitchParameter NotifyPublicGroupOwners { get; set; }

    /// <summary>Absolute http/https URL; an empty string removes it.</summary>
    [Parameter]
    [AllowEmptyString]
    public string? PortalUrl { get; set; }

    [Parameter] public SwitchParameter MembershipOnJoin { get; set; }
    [Parameter] public SwitchParameter MembershipOnLeave { get; set; }

    /// <summary>Days before leaving a group to notify; 0 turns it off.</summary>
    [Parameter] public int MembershipDaysBeforeLeave { get; set; }

    [Parameter] public SwitchParameter ManagedBySameAsMembership { get; set; }
    [Parameter] public SwitchParameter ManagedByOnAdd { get; set; }
    [Parameter] public SwitchParameter ManagedByOnRemove { get; set; }

    /// <summary>Days before removal as additional owner/manager to notify; 0 turns it off.</summary>
    [Parameter] public int ManagedByDaysBeforeRemoval { get; set; }

    [Parameter] public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var given = MyInvocation.BoundParameters;
            string? portal = PortalUrl is null || PortalUrl.Length == 0 ? null : Notifications.PortalUrl.Require(PortalUrl);
            int? membershipDays = given.ContainsKey(nameof(MembershipDaysBeforeLeave)) ? Notifications.PortalUrl.RequireDays(MembershipDaysBeforeLeave, nameof(MembershipDaysBeforeLeave)) : null;
            int? managedByDays = given.ContainsKey(nameof(ManagedByDaysBeforeRemoval)) ? Notifications.PortalUrl.RequireDays(ManagedByDaysBeforeRemoval, nameof(ManagedByDaysBeforeRemoval)) : null;
            if (!ShouldProcess(IdentityStore, "Set the notification policy")) return;
            var updated = Store.Update(IdentityStore, d =>
            {
                NotificationPolicy p = d.Notifications.Policy;
                void Flag(string name, bool value, System.Action<bool> set)
                {
                    if (given.ContainsKey(name)) set(value);
                }

                Flag(nameof(NotifyChangedBy), NotifyChangedBy, v => p.NotifyChangedBy = v);
                Flag(nameof(NotifyModifiedObject), NotifyModifiedObject, v => p.NotifyModifiedObject = v);
                Flag(nameof(NotifyGroupOwners), NotifyGroupOwners, v => p.NotifyGroupOwners = v);
                Flag(nameof(NotifyManagers), NotifyManagers, v => p.NotifyManagers = v);
                Flag(nameof(NotifyAddedMembers), NotifyAddedMembers, v => p.NotifyAddedMembers = v);
                Flag(nameof(NotifyRemovedMembers), NotifyRemovedMembers, v => p.NotifyRemovedMembers = v);
                Flag(nameof(NotifyPublicGroupOwners), NotifyPublicGroupOwners, v => p.NotifyPublicGroupOwners = v);
                Flag(nameof(MembershipOnJoin), MembershipOnJoin, v => p.MembershipOnJoin = v);
                Flag(nameof(MembershipOnLeave), MembershipOnLeave, v => p.MembershipOnLeave = v);
                Flag(nameof(ManagedBySameAsMembership), ManagedBySameAsMembership, v => p.ManagedBySameAsMembership = v);
                Flag(nameof(ManagedByOnAdd), ManagedByOnAdd, v => p.ManagedByOnAdd = v);
                Flag(nameof(ManagedByOnRemove), ManagedByOnRemove, v => p.ManagedByOnRemove = v);
                if (given.ContainsKey(nameof(PortalUrl))) p.PortalUrl = portal;
                if (given.ContainsKey(nameof(MembershipDaysBeforeLeave))) p.MembershipDaysBeforeLeave = membershipDays;
                if (given.ContainsKey(nameof(ManagedByDaysBeforeRemoval))) p.ManagedByDaysBeforeRemoval = managedByDays;
            }, CancellationToken);
            WriteVerbose($"Notification policy of '{updated.Name}' updated.");
            if (updated.Notifications.Policy.ManagedBySameAsMembership && (given.ContainsKey(nameof(ManagedByOnAdd)) || given.ContainsKey(nameof(ManagedByOnRemove)) || given.ContainsKey(nameof(ManagedByDaysBeforeRemoval))))
            {
                WriteWarning("ManagedBySameAsMembership is on: the managed-by life cycle follows the membership options, and the ManagedBy* options are ignored until it is turned off.");
            }

            if (PassThru) WriteObject(NotificationPolicyInfo.From(updated.Name, updated.Notifications.Policy));
        });
    }
}

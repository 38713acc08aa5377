using System;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

public enum LifeCycleKind
{
    Membership,
    AdditionalOwner,
}

/// <summary>
/// For scheduled jobs: given temporary memberships or additional-owner/manager assignments with
/// their end dates, emits the "N days before" notifications due on -Date (default today), ready
/// to pipe into Send-Notification.
/// </summary>
[Cmdlet(VerbsCommon.Get, "DueNotification")]
[OutputType(typeof(DueNotification))]
public sealed class GetDueNotificationCommand : IdentityStoreCmdlet
{
    private IdentityStoreDocument? _document;

    /// <summary>The group (or, for additional managers, the user) of the assignment.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Group")]
    [ValidateNotNull]
    public object Object { get; set; } = null!;

    /// <summary>The temporary member or additional owner/manager.</summary>
    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Owner", "User")]
    [ValidateNotNull]
    public object Member { get; set; } = null!;

    [Parameter(Mandatory = true, ValueFromPipelineByPropertyName = true)]
    [Alias("EndDate", "ExpiresOn")]
    public DateTime ExpirationDate { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    public LifeCycleKind Kind { get; set; } = LifeCycleKind.Membership;

    [Parameter]
    public DateTime Date { get; set; } = DateTime.Today;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            _document ??= Store.Get(IdentityStore);
            bool managedBy = Kind == LifeCycleKind.AdditionalOwner;
            int? daysLeft = DueNotificationCalculator.DaysLeftIfDue(_document.Notifications.Policy, managedBy, ExpirationDate, Date);
            if (daysLeft is null)
            {
                WriteVerbose($"{Kind} of {DirectoryObjectReader.Read(Member)} in {DirectoryObjectReader.Read(Object)} ending {ExpirationDate:yyyy-MM-dd}: not due on {Date:yyyy-MM-dd}.");
                return;
            }

            WriteObject(new DueNotification
            {
                IdentityStore = _document.Name,
                Event = (managedBy ? NotificationEvent.AdditionalOwnerExpiring : NotificationEvent.MembershipExpiring).ToString(),
                Object = Object,
                Member = Member,
                ExpirationDate = ExpirationDate,
                DaysLeft = daysLeft.Value,
            });
        });
    }
}

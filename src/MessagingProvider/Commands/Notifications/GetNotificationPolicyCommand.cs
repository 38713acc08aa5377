using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Shows an identity store's notification policy.</summary>
[Cmdlet(VerbsCommon.Get, "NotificationPolicy")]
[OutputType(typeof(NotificationPolicyInfo))]
public sealed class GetNotificationPolicyCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var document = Store.Get(IdentityStore);
            WriteObject(NotificationPolicyInfo.From(document.Name, document.Notifications.Policy));
        });
    }
}

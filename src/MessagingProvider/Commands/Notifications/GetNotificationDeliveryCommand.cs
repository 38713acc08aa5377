using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Shows how an identity store's notifications are sent, and what is missing if they cannot be yet.</summary>
[Cmdlet(VerbsCommon.Get, "NotificationDelivery")]
[OutputType(typeof(NotificationDeliveryInfo))]
public sealed class GetNotificationDeliveryCommand : IdentityStoreCmdlet
{
    protected override void ProcessRecord() => WriteFromStore(document => new object[] { NotificationDeliveryInfo.Create(document) });
}

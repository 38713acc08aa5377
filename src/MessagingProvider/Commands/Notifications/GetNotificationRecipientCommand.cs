using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Lists the fixed To/Cc recipients of an identity store's notifications.</summary>
[Cmdlet(VerbsCommon.Get, "NotificationRecipient")]
[OutputType(typeof(NotificationRecipientInfo))]
public sealed class GetNotificationRecipientCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1)]
    public RecipientKind? Kind { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            if (Kind is null or RecipientKind.To) Write(document, RecipientKind.To, document.Notifications.To);
            if (Kind is null or RecipientKind.Cc) Write(document, RecipientKind.Cc, document.Notifications.Cc);
        });
    }

    private void Write(IdentityStoreDocument document, RecipientKind kind, System.Collections.Generic.List<string> addresses)
    {
        foreach (string address in addresses) WriteObject(new NotificationRecipientInfo { IdentityStore = document.Name, Kind = kind.ToString(), Address = address });
    }
}

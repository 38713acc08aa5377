using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;

namespace MessagingProvider.Commands;

/// <summary>Removes fixed To/Cc recipients. An address that is not a recipient is reported as an error.</summary>
[Cmdlet(VerbsCommon.Remove, "NotificationRecipient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveNotificationRecipientCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? To { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? Cc { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IReadOnlyList<string> to = RecipientAddresses.Parse(To, "To"), cc = RecipientAddresses.Parse(Cc, "Cc");
            if (!ShouldProcess(IdentityStore, "Remove notification recipients " + RecipientAddresses.Describe(to, cc))) return;
            IReadOnlyList<string> missing = new List<string>();
            Store.Update(IdentityStore, d => missing = NotificationRecipientChanges.Remove(d.Notifications, to, cc), CancellationToken);
            foreach (string address in missing)
            {
                WriteError(ErrorRecords.From(new MessagingProviderException(ErrorIds.NotificationRecipientNotFound, ErrorKind.NotFound,
                    $"{address} is not a notification recipient of '{IdentityStore}' (in that list). Run Get-NotificationRecipient to see them.", address)));
            }
        });
    }
}

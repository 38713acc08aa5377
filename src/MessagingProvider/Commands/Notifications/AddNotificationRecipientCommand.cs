using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Adds fixed To/Cc recipients of every notification. Arrays and "a@x; b@y" strings both work;
/// addresses already present are ignored; one invalid address rejects the whole call.
/// </summary>
[Cmdlet(VerbsCommon.Add, "NotificationRecipient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NotificationRecipientInfo))]
public sealed class AddNotificationRecipientCommand : IdentityStoreCmdlet
{
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? To { get; set; }

    [Parameter(ValueFromPipelineByPropertyName = true)]
    [ValidateNotNull]
    public string[]? Cc { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IReadOnlyList<string> to = RecipientAddresses.Parse(To, "To"), cc = RecipientAddresses.Parse(Cc, "Cc");
            if (to.Count + cc.Count == 0)
            {
                throw new MessagingProviderException(ErrorIds.InvalidEmailAddress, ErrorKind.InvalidArgument, "Give at least one address with -To or -Cc.", null);
            }

            if (!ShouldProcess(IdentityStore, "Add notification recipients " + RecipientAddresses.Describe(to, cc))) return;
            IReadOnlyList<(RecipientKind Kind, string Address)> added = new List<(RecipientKind, string)>();
            var updated = Store.Update(IdentityStore, d => added = NotificationRecipientChanges.Add(d.Notifications, to, cc, WriteVerbose), CancellationToken);
            foreach (var (kind, address) in added)
            {
                WriteVerbose($"Added {kind} recipient {address} to '{updated.Name}'.");
                if (PassThru) WriteObject(new NotificationRecipientInfo { IdentityStore = updated.Name, Kind = kind.ToString(), Address = address });
            }
        });
    }
}

using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications.Outbox;

namespace MessagingProvider.Commands;

/// <summary>
/// Removes waiting messages from an identity store's outbox so they are never sent (takes the
/// output of Get-QueuedNotification from the pipeline). A message a sender holds right now
/// (Sending) is refused. Supports -WhatIf and -Confirm.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "QueuedNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveQueuedNotificationCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public long[] Id { get; set; } = System.Array.Empty<long>();

    protected override void ProcessRecord() => TryRun(() =>
    {
        Store.Get(IdentityStore);
        using NotificationOutbox outbox = NotificationOutbox.Open(Store, IdentityStore);
        foreach (long id in Id)
        {
            TryRun(() =>
            {
                OutboxMessage found = QueuedNotificationRemoval.FindWaiting(outbox, IdentityStore, id);
                if (!ShouldProcess($"{IdentityStore} outbox message {id} '{found.Subject}' to {found.Recipients.Count} recipient(s) ({found.State})", "Remove queued notification")) return;
                QueuedNotificationRemoval.Remove(outbox, IdentityStore, id);
                WriteVerbose($"Removed outbox message {id} '{found.Subject}'.");
            });
        }
    });
}

using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Notifications.Outbox;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Lists the messages waiting in an identity store's outbox (Pending, Sending, Deferred,
/// Uncertain), oldest first; -State and -OlderThan narrow the list. Reads only.
/// </summary>
[Cmdlet(VerbsCommon.Get, "QueuedNotification")]
[OutputType(typeof(QueuedNotification))]
public sealed class GetQueuedNotificationCommand : IdentityStoreCmdlet
{
    private static readonly OutboxState[] Waiting = { OutboxState.Pending, OutboxState.Sending, OutboxState.Deferred, OutboxState.Uncertain };

    [Parameter]
    [ValidateSet(nameof(OutboxState.Pending), nameof(OutboxState.Sending), nameof(OutboxState.Deferred), nameof(OutboxState.Uncertain))]
    public string[]? State { get; set; }

    /// <summary>Only messages queued at least this long ago.</summary>
    [Parameter]
    public TimeSpan? OlderThan { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
    {
        Store.Get(IdentityStore);
        OutboxState[] states = State is null ? Waiting : State.Select(s => (OutboxState)Enum.Parse(typeof(OutboxState), s, true)).ToArray();
        using NotificationOutbox outbox = NotificationOutbox.Open(Store, IdentityStore);
        DateTime? before = OlderThan is TimeSpan age ? DateTime.UtcNow - age : null;
        foreach (OutboxMessage message in outbox.List(states, before)) WriteObject(QueuedNotification.From(message));
    });
}

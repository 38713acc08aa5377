using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Notifications.Outbox;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// The sent and failed messages of an identity store, with the server's reply and queue id,
/// oldest first. Kept for the store's retention (Set-NotificationDelivery -HistoryRetentionDays,
/// default 30 days) and pruned whenever notifications are sent. Reads only.
/// </summary>
[Cmdlet(VerbsCommon.Get, "NotificationHistory")]
[OutputType(typeof(QueuedNotification))]
public sealed class GetNotificationHistoryCommand : IdentityStoreCmdlet
{
    [Parameter]
    [ValidateSet(nameof(OutboxState.Sent), nameof(OutboxState.Failed))]
    public string[]? State { get; set; }

    /// <summary>Only messages created after this time.</summary>
    [Parameter]
    public DateTime? Since { get; set; }

    /// <summary>Only this message (all its transactions), e.g. a NotificationResult's MessageId.</summary>
    [Parameter(ValueFromPipelineByPropertyName = true)]
    public string? MessageId { get; set; }

    protected override void ProcessRecord() => TryRun(() =>
    {
        Store.Get(IdentityStore);
        OutboxState[] states = State is null
            ? new[] { OutboxState.Sent, OutboxState.Failed }
            : State.Select(s => (OutboxState)Enum.Parse(typeof(OutboxState), s, true)).ToArray();
        using NotificationOutbox outbox = NotificationOutbox.Open(Store, IdentityStore);
        foreach (OutboxMessage message in outbox.List(states, null, Since?.ToUniversalTime()))
        {
            if (MessageId is null || string.Equals(message.MessageId, MessageId, StringComparison.Ordinal)) WriteObject(QueuedNotification.From(message));
        }
    });
}

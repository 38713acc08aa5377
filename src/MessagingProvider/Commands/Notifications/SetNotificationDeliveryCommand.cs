using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Chooses how an identity store's notifications are sent: through its SMTP server, through
/// Microsoft Graph as a mailbox with the Office 365 provider's app registration, or through the
/// enabled Microsoft Entra ID SMTP client. Checked before anything is stored; connects to nothing.
/// </summary>
[Cmdlet(VerbsCommon.Set, "NotificationDelivery", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(NotificationDeliveryInfo))]
public sealed class SetNotificationDeliveryCommand : IdentityStoreCmdlet
{
    /// <summary>The transport; the current one when only limits change.</summary>
    [Parameter(Position = 1)]
    public NotificationDeliveryMethod Method { get; set; }

    /// <summary>The mailbox Microsoft Graph sends as; kept from the last time when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    /// <summary>Bound of every network wait while sending (DNS, connect, greeting, each command, the reply after DATA); default 60 s.</summary>
    [Parameter]
    public System.TimeSpan Timeout { get; set; }

    /// <summary>Recipients per SMTP transaction; default 100 (Exchange Online allows 500).</summary>
    [Parameter]
    [ValidateRange(1, 5000)]
    public int MaxRecipientsPerMessage { get; set; }

    /// <summary>Messages per minute; 0 = unlimited (the default). Exchange Online allows 30 per minute per mailbox.</summary>
    [Parameter]
    [ValidateRange(0, 100000)]
    public int MessagesPerMinute { get; set; }

    /// <summary>Tries per message and run before it is left Deferred; default 4.</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; }

    /// <summary>Days sent and failed messages stay in the history; default 30.</summary>
    [Parameter]
    [ValidateRange(1, 3650)]
    public int HistoryRetentionDays { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            NotificationDeliveryChange change = Change();
            // Checked before asking, so -WhatIf and -Confirm never offer a change that would be refused.
            NotificationDeliverySettings next = NotificationDeliveryChanges.Next(Store.Get(IdentityStore), change);
            if (!ShouldProcess(IdentityStore, NotificationDeliveryChanges.Describe(next))) return;

            // Checked again under the store's lock: the provider may have changed in between.
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => d.Notifications.Delivery = NotificationDeliveryChanges.Next(d, change), CancellationToken);
            NotificationDeliveryChanges.Report(updated, Streams);
            if (PassThru) WriteObject(NotificationDeliveryInfo.Create(updated));
        });
    }

    private NotificationDeliveryChange Change()
    {
        bool Given(string name) => MyInvocation.BoundParameters.ContainsKey(name);
        return new NotificationDeliveryChange
        {
            Method = Given(nameof(Method)) ? Method : null,
            From = Given(nameof(From)) ? From : null,
            Timeout = Given(nameof(Timeout)) ? Timeout : null,
            MaxRecipientsPerMessage = Given(nameof(MaxRecipientsPerMessage)) ? MaxRecipientsPerMessage : null,
            MessagesPerMinute = Given(nameof(MessagesPerMinute)) ? MessagesPerMinute : null,
            MaxAttempts = Given(nameof(MaxAttempts)) ? MaxAttempts : null,
            HistoryRetentionDays = Given(nameof(HistoryRetentionDays)) ? HistoryRetentionDays : null,
        };
    }
}

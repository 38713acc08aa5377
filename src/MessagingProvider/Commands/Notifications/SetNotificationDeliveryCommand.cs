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

    private bool Given(string name) => MyInvocation.BoundParameters.ContainsKey(name);

    private NotificationDeliverySettings Next(IdentityStoreDocument document)
    {
        NotificationDeliveryMethod method = Given(nameof(Method)) ? Method : document.Notifications.Delivery.Method;
        NotificationDeliverySettings next = Given(nameof(Method)) || Given(nameof(From))
            ? NotificationDeliveryRules.Apply(document, method, From)
            : Copy(document.Notifications.Delivery);
        if (Given(nameof(Timeout)))
        {
            if (Timeout < System.TimeSpan.FromSeconds(1) || Timeout > System.TimeSpan.FromHours(1))
            {
                throw new Errors.MessagingProviderException(Errors.ErrorIds.InvalidNotificationDeliverySetting, Errors.ErrorKind.InvalidArgument,
                    $"-Timeout {Timeout} is out of range: give 1 second to 1 hour (default 00:01:00). Nothing was changed.", Timeout);
            }

            next.TimeoutSeconds = Timeout.TotalSeconds;
        }
        if (Given(nameof(MaxRecipientsPerMessage))) next.MaxRecipientsPerMessage = MaxRecipientsPerMessage;
        if (Given(nameof(MessagesPerMinute))) next.MessagesPerMinute = MessagesPerMinute;
        if (Given(nameof(MaxAttempts))) next.MaxAttempts = MaxAttempts;
        if (Given(nameof(HistoryRetentionDays))) next.HistoryRetentionDays = HistoryRetentionDays;
        return next;
    }

    private static NotificationDeliverySettings Copy(NotificationDeliverySettings s) => new NotificationDeliverySettings
    {
        Method = s.Method, From = s.From, TimeoutSeconds = s.TimeoutSeconds, MaxRecipientsPerMessage = s.MaxRecipientsPerMessage,
        MessagesPerMinute = s.MessagesPerMinute, MaxAttempts = s.MaxAttempts, HistoryRetentionDays = s.HistoryRetentionDays,
    };

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            // Checked before asking, so -WhatIf and -Confirm never offer a change that would be refused.
            NotificationDeliverySettings next = Next(Store.Get(IdentityStore));
            string target = next.Method switch
            {
                NotificationDeliveryMethod.MicrosoftGraph => $"Microsoft Graph as {next.From}",
                NotificationDeliveryMethod.EntraSmtpClient => "the Microsoft Entra ID SMTP client",
                _ => "the SMTP server",
            };
            if (!ShouldProcess(IdentityStore, $"Send notifications through {target} (timeout {next.GetTimeout().TotalSeconds:0.#} s, {next.MaxRecipientsPerMessage} recipients per message, {(next.MessagesPerMinute == 0 ? "no rate limit" : next.MessagesPerMinute + " per minute")}, {next.MaxAttempts} attempts, history {next.HistoryRetentionDays} days)")) return;

            // Checked again under the store's lock: the provider may have changed in between.
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => d.Notifications.Delivery = Next(d), CancellationToken);
            WriteVerbose($"Notifications of '{updated.Name}' are sent through {target}.");
            if (next.Method == NotificationDeliveryMethod.Smtp && updated.Smtp is null)
            {
                WriteWarning($"'{updated.Name}' has no SMTP server yet: Send-Notification fails with SmtpServerNotConfigured until Set-SmtpServer -IdentityStore '{updated.Name}' runs.");
            }

            if (PassThru) WriteObject(NotificationDeliveryInfo.Create(updated));
        });
    }
}

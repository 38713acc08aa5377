using System.Management.Automation;
using MessagingProvider.Commands.Infrastructure;
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
    [Parameter(Mandatory = true, Position = 1)]
    public NotificationDeliveryMethod Method { get; set; }

    /// <summary>The mailbox Microsoft Graph sends as; kept from the last time when not given.</summary>
    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? From { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            // Checked before asking, so -WhatIf and -Confirm never offer a change that would be refused.
            NotificationDeliverySettings next = NotificationDeliveryRules.Apply(Store.Get(IdentityStore), Method, From);
            string target = Method switch
            {
                NotificationDeliveryMethod.MicrosoftGraph => $"Microsoft Graph as {next.From}",
                NotificationDeliveryMethod.EntraSmtpClient => "the Microsoft Entra ID SMTP client",
                _ => "the SMTP server",
            };
            if (!ShouldProcess(IdentityStore, $"Send notifications through {target}")) return;

            // Checked again under the store's lock: the provider may have changed in between.
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => d.Notifications.Delivery = NotificationDeliveryRules.Apply(d, Method, From), CancellationToken);
            WriteVerbose($"Notifications of '{updated.Name}' are sent through {target}.");
            if (Method == NotificationDeliveryMethod.Smtp && updated.Smtp is null)
            {
                WriteWarning($"'{updated.Name}' has no SMTP server yet: Send-Notification fails with SmtpServerNotConfigured until Set-SmtpServer -IdentityStore '{updated.Name}' runs.");
            }

            if (PassThru) WriteObject(NotificationDeliveryInfo.Create(updated));
        });
    }
}

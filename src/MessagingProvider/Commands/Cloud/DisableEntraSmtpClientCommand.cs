using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Turns the Entra ID SMTP client off; its settings, sign-in and last test stay.</summary>
[Cmdlet(VerbsLifecycle.Disable, "EntraSmtpClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class DisableEntraSmtpClientCommand : EntraSmtpClientSwitchCmdlet
{
    protected override string Action => "Disable the Microsoft Entra ID SMTP client";

    protected override bool Switch(IdentityStoreDocument document) => EntraSmtpClientSwitch.Disable(document);

    protected override void Report(IdentityStoreDocument updated, bool wasEnabled)
    {
        WriteVerbose(wasEnabled
            ? $"The Entra ID SMTP client of '{updated.Name}' is disabled."
            : $"The Entra ID SMTP client of '{updated.Name}' was disabled already.");
        if (updated.Notifications.Delivery.Method == NotificationDeliveryMethod.EntraSmtpClient)
        {
            WriteWarning($"Notifications of '{updated.Name}' are delivered by the Entra ID SMTP client: Send-Notification fails with EntraSmtpClientNotEnabled until it is enabled again or Set-NotificationDelivery -IdentityStore '{updated.Name}' -Method Smtp chooses another way.");
        }
    }
}

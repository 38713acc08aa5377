using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>The product's "Enabled" check box: accepted only after a test passed with the current settings and mailbox.</summary>
[Cmdlet(VerbsLifecycle.Enable, "EntraSmtpClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class EnableEntraSmtpClientCommand : EntraSmtpClientSwitchCmdlet
{
    protected override string Action => "Enable the Microsoft Entra ID SMTP client";

    protected override bool Switch(IdentityStoreDocument document) => EntraSmtpClientSwitch.Enable(document);

    protected override void Report(IdentityStoreDocument updated, bool wasEnabled)
    {
        EntraSmtpClientSettings settings = updated.EntraSmtpClient!;
        WriteVerbose(wasEnabled
            ? $"The Entra ID SMTP client of '{updated.Name}' was enabled already."
            : $"The Entra ID SMTP client of '{updated.Name}' is enabled: it sends as {settings.MailboxUser} through {settings.SmartHost}:{settings.Port}.");
    }
}

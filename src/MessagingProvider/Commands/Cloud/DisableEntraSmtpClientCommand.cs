using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Turns the Entra ID SMTP client off; its settings, sign-in and last test stay.</summary>
[Cmdlet(VerbsLifecycle.Disable, "EntraSmtpClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class DisableEntraSmtpClientCommand : IdentityStoreCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(IdentityStore, "Disable the Microsoft Entra ID SMTP client")) return;
        TryRun(() =>
        {
            IdentityStoreDocument updated = EntraSmtpClientSwitch.Disable(Store, IdentityStore, Streams, CancellationToken);
            if (PassThru) WriteObject(EntraSmtpClientInfo.Create(updated.Name, updated.EntraSmtpClient!, Store.TokenCachePath(updated.Name)));
        });
    }
}

using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>The product's "Enabled" check box: accepted only after a test passed with the current settings and mailbox.</summary>
[Cmdlet(VerbsLifecycle.Enable, "EntraSmtpClient", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(EntraSmtpClientInfo))]
public sealed class EnableEntraSmtpClientCommand : IdentityStoreCmdlet
{
    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!ShouldProcess(IdentityStore, "Enable the Microsoft Entra ID SMTP client")) return;
        TryRun(() =>
        {
            IdentityStoreDocument updated = EntraSmtpClientSwitch.Enable(Store, IdentityStore, Streams, CancellationToken);
            if (PassThru) WriteObject(EntraSmtpClientInfo.Create(updated.Name, updated.EntraSmtpClient!, Store.TokenCachePath(updated.Name)));
        });
    }
}

using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Infrastructure;
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
            bool already = false;
            IdentityStoreDocument updated = Store.Update(IdentityStore, d => already = EntraSmtpClientSwitch.Enable(d), CancellationToken);
            EntraSmtpClientSettings settings = updated.EntraSmtpClient!;
            WriteVerbose(already
                ? $"The Entra ID SMTP client of '{updated.Name}' was enabled already."
                : $"The Entra ID SMTP client of '{updated.Name}' is enabled: it sends as {settings.MailboxUser} through {settings.SmartHost}:{settings.Port}.");
            if (PassThru) WriteObject(EntraSmtpClientInfo.Create(updated.Name, settings, EntraSmtpClientEndpoint.TokenCachePath(Store, updated.Name)));
        });
    }
}

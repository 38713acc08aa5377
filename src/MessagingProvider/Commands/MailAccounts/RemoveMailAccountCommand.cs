using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.MailAccounts;

namespace MessagingProvider.Commands;

/// <summary>Removes mail accounts and their stored passwords.</summary>
[Cmdlet(VerbsCommon.Remove, "MailAccount", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveMailAccountCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] EmailAddress { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string address in EmailAddress)
        {
            TryRun(() =>
            {
                MailAccountChanges.Find(Store.Get(IdentityStore).Mail, address);
                if (!ShouldProcess($"{address} ({IdentityStore})", "Remove mail account")) return;
                Store.Update(IdentityStore, d => MailAccountChanges.Remove(d.Mail, address), CancellationToken);
                WriteVerbose($"Removed the mail account '{address}' from '{IdentityStore}'.");
            });
        }
    }
}

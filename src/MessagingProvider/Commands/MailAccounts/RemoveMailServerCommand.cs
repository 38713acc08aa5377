using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.MailAccounts;

namespace MessagingProvider.Commands;

/// <summary>
/// Removes mail servers. As in the product, a server can go only after its mail accounts (and,
/// here, the provider domains that point at it): the error names them.
/// </summary>
[Cmdlet(VerbsCommon.Remove, "MailServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(void))]
public sealed class RemoveMailServerCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("MailServer")]
    [ArgumentCompleter(typeof(MailServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            TryRun(() =>
            {
                // Checked before ShouldProcess so that -WhatIf already tells what would block it.
                MailServerChanges.Remove(Store.Get(IdentityStore).Mail, name);
                if (!ShouldProcess($"{name} ({IdentityStore})", "Remove mail server")) return;
                Store.Update(IdentityStore, d => MailServerChanges.Remove(d.Mail, name), CancellationToken);
                WriteVerbose($"Removed the mail server '{name}' from '{IdentityStore}'.");
            });
        }
    }
}

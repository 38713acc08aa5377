using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Commands.Cmdlets;

namespace MessagingProvider.Commands;

[Cmdlet(VerbsCommon.Remove, "IdentityStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.High)]
[OutputType(typeof(void))]
public sealed class RemoveIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ArgumentCompleter(typeof(IdentityStoreCompleter))]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            TryRun(() =>
            {
                // Resolve first so a missing store is an error even under -WhatIf.
                Store.Get(name);
                if (!ShouldProcess(name, "Remove identity store and all of its messaging configuration")) return;
                // The Entra ID SMTP client's mailbox sign-in (a refresh token) goes with the store, under its lock.
                foreach (string companion in Store.Remove(name, CancellationToken)) WriteVerbose($"Removed the mailbox sign-in cache '{companion}'.");
                WriteVerbose($"Removed identity store '{name}'.");
            });
        }
    }
}

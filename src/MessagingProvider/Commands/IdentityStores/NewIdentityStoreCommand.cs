using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

[Cmdlet(VerbsCommon.New, "IdentityStore", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(IdentityStoreInfo))]
public sealed class NewIdentityStoreCommand : MessagingProviderCmdlet
{
    [Parameter(Mandatory = true, Position = 0, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string[] Name { get; set; } = System.Array.Empty<string>();

    protected override void ProcessRecord()
    {
        foreach (string name in Name)
        {
            if (!ShouldProcess(name, "Create identity store")) continue;
            TryRun(() =>
            {
                IdentityStoreDocument created = Store.Create(name, CancellationToken);
                WriteVerbose($"Created identity store '{name}' in {Store.PathOf(name)}.");
                WriteObject(IdentityStoreInfo.From(created, Store.PathOf(name)));
            });
        }
    }
}

using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>Moves a server to a priority (1 is tried first); the servers in between shift by one.</summary>
[Cmdlet(VerbsCommon.Set, "ExchangeServerPriority", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Medium)]
[OutputType(typeof(ExchangeServerInfo))]
public sealed class SetExchangeServerPriorityCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ExchangeServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string Server { get; set; } = "";

    [Parameter(Mandatory = true, Position = 2, ValueFromPipelineByPropertyName = true)]
    public int Priority { get; set; }

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            if (!ShouldProcess($"{Server} ({IdentityStore})", $"Set Exchange server priority to {Priority}")) return;
            IdentityStoreDocument updated = Store.Update(IdentityStore,
                d => ExchangeServerChanges.SetPriority(ExchangeProviderGuard.Require(d).Servers, Server, Priority),
                CancellationToken);
            WriteVerbose($"Exchange server '{Server}' of '{IdentityStore}' now has priority {Priority}.");
            if (!PassThru) return;
            foreach (ExchangeServerEntry entry in ExchangeProviderGuard.Require(updated).Servers)
            {
                WriteObject(ExchangeServerInfo.From(updated.Name, entry));
            }
        });
    }
}

using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Adds Exchange servers. Pipeline input is collected and added in one change, so the first
/// servers ever added get the highest priority on a randomly chosen one, as the product does.
/// </summary>
[Cmdlet(VerbsCommon.Add, "ExchangeServer", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(ExchangeServerInfo))]
public sealed class AddExchangeServerCommand : IdentityStoreCmdlet
{
    private readonly Dictionary<string, List<string>> _byStore = new Dictionary<string, List<string>>(System.StringComparer.OrdinalIgnoreCase);

    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ValidateNotNullOrEmpty]
    public string[] Server { get; set; } = System.Array.Empty<string>();

    [Parameter]
    public SwitchParameter PassThru { get; set; }

    protected override void ProcessRecord()
    {
        if (!_byStore.TryGetValue(IdentityStore, out List<string>? names)) _byStore[IdentityStore] = names = new List<string>();
        names.AddRange(Server);
    }

    protected override void EndProcessing()
    {
        foreach (KeyValuePair<string, List<string>> pair in _byStore)
        {
            string store = pair.Key;
            if (!ShouldProcess(store, $"Add Exchange server(s) {string.Join(", ", pair.Value)}")) continue;
            TryRun(() =>
            {
                IReadOnlyList<ExchangeServerEntry> added = new List<ExchangeServerEntry>();
                IdentityStoreDocument updated = Store.Update(store,
                    d => added = ExchangeServerChanges.Add(ExchangeProviderGuard.Require(d).Servers, pair.Value),
                    CancellationToken);
                foreach (ExchangeServerEntry entry in added)
                {
                    WriteVerbose($"Added Exchange server '{entry.Name}' to '{store}' with priority {entry.Priority}.");
                    if (PassThru) WriteObject(ExchangeServerInfo.From(updated.Name, entry));
                }
            });
        }
    }
}

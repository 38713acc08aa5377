using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Commands.Completers;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Status;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Checks whether an identity store's Exchange servers are Online, all in parallel, and stores
/// the status, when and why with each server (what the "Server Status" column shows).
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "ExchangeServer")]
[OutputType(typeof(ExchangeServerInfo))]
public sealed class TestExchangeServerCommand : IdentityStoreCmdlet
{
    private readonly Dictionary<string, List<string>> _byStore = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);

    /// <summary>Servers to check (default: all of the store's servers).</summary>
    [Parameter(Position = 1, ValueFromPipelineByPropertyName = true)]
    [Alias("Name")]
    [ArgumentCompleter(typeof(ExchangeServerCompleter))]
    [ValidateNotNullOrEmpty]
    public string[]? Server { get; set; }

    protected override void ProcessRecord()
    {
        if (!_byStore.TryGetValue(IdentityStore, out List<string>? names)) _byStore[IdentityStore] = names = new List<string>();
        if (Server is null) names.Add("*");
        else names.AddRange(Server);
    }

    protected override void EndProcessing()
    {
        foreach (KeyValuePair<string, List<string>> pair in _byStore)
        {
            TryRun(() =>
            {
                ConfigurationStore store = Store; // opened here: it writes verbose, which only the pipeline thread may
                foreach (ExchangeServerInfo info in RunAsync((streams, token) => ExchangeServerStatusCheck.RunAsync(store, pair.Key, pair.Value, streams, token)))
                {
                    WriteObject(info);
                }
            });
        }
    }
}

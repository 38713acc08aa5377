using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange;
using MessagingProvider.Output;

namespace MessagingProvider.Exchange.Status;

/// <summary>Probes servers of one store with progress and verbose output, stores the results (Test- and Sync-ExchangeServer).</summary>
public static class ExchangeServerStatusCheck
{
    public static async Task<IReadOnlyList<ExchangeServerInfo>> RunAsync(ConfigurationStore store, string identityStore, IReadOnlyCollection<string> names, IOperationSink sink, CancellationToken cancellationToken)
    {
        IdentityStoreDocument document = store.Get(identityStore);
        ExchangeSettings settings = ExchangeProviderGuard.Require(document);
        var servers = new List<string>();
        foreach (string name in names)
        {
            if (name == "*") servers.AddRange(settings.Servers.OrderBy(s => s.Priority).Select(s => s.Name));
            else servers.Add(ExchangeServerChanges.Find(settings.Servers, name).Name);
        }

        servers = servers.Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (servers.Count == 0) return Array.Empty<ExchangeServerInfo>();

        var progress = new OperationProgress(1, "Test-ExchangeServer", $"Probing {servers.Count} Exchange server(s) of '{identityStore}' in parallel (timeout {settings.Connection.ProbeTimeoutSeconds} s)");
        sink.Progress(progress);
        sink.Verbose($"Probing {string.Join(", ", servers)}: TCP {string.Join(", ", settings.Connection.ProbePorts)} and GET /PowerShell/ on port {(settings.UseSsl ? settings.Connection.HttpsPort : settings.Connection.HttpPort)}.");
        IReadOnlyList<ServerProbeResult> results = await ExchangeServerProber.ProbeAllAsync(servers, settings, cancellationToken).ConfigureAwait(false);
        progress.Completed = true;
        sink.Progress(progress);
        foreach (ServerProbeResult result in results) sink.Verbose($"Exchange server '{result.Server}': {result.Status}: {result.Reason}");

        IdentityStoreDocument updated = ServerStatusRecorder.Record(store, identityStore, results, cancellationToken);
        return ExchangeProviderGuard.Require(updated).Servers
            .Where(s => servers.Contains(s.Name, StringComparer.OrdinalIgnoreCase))
            .OrderBy(s => s.Priority)
            .Select(s => ExchangeServerInfo.From(updated.Name, s))
            .ToList();
    }
}

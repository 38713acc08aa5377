using System;
using System.Collections.Generic;
using System.Threading;
using MessagingProvider.Configuration;

namespace MessagingProvider.Exchange.Status;

/// <summary>Stores probe results with the servers (status, when, why, latency) in one locked change.</summary>
public static class ServerStatusRecorder
{
    public static IdentityStoreDocument Record(ConfigurationStore store, string identityStore, IReadOnlyList<ServerProbeResult> results, CancellationToken cancellationToken) =>
        store.Update(identityStore, document =>
        {
            List<ExchangeServerEntry> servers = ExchangeProviderGuard.Require(document).Servers;
            foreach (ServerProbeResult result in results)
            {
                ExchangeServerEntry? entry = servers.Find(s => string.Equals(s.Name, result.Server, StringComparison.OrdinalIgnoreCase));
                if (entry is null) continue; // removed meanwhile by another command
                entry.Status = result.Status;
                entry.StatusChecked = result.Checked;
                entry.StatusReason = result.Reason;
                entry.LatencyMilliseconds = result.LatencyMilliseconds;
            }
        }, cancellationToken);
}

using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Exchange.Status;

/// <summary>
/// "Sync Again": what changes in the server list. Servers Exchange still reports keep their
/// priorities; new ones go after them in the order reported; servers it no longer reports (or
/// that no longer host the PowerShell endpoint) are removed.
/// </summary>
public sealed class ServerSyncPlan
{
    private ServerSyncPlan(IReadOnlyList<DiscoveredServer> kept, IReadOnlyList<DiscoveredServer> added, IReadOnlyList<string> removed, IReadOnlyList<DiscoveredServer> skipped)
    {
        Kept = kept;
        Added = added;
        Removed = removed;
        Skipped = skipped;
    }

    public IReadOnlyList<DiscoveredServer> Kept { get; }
    public IReadOnlyList<DiscoveredServer> Added { get; }
    public IReadOnlyList<string> Removed { get; }

    /// <summary>Reported servers without the PowerShell endpoint (Edge Transport).</summary>
    public IReadOnlyList<DiscoveredServer> Skipped { get; }

    public static ServerSyncPlan Create(IReadOnlyList<ExchangeServerEntry> current, IEnumerable<DiscoveredServer> discovered)
    {
        var usable = new List<DiscoveredServer>();
        var skipped = new List<DiscoveredServer>();
        foreach (DiscoveredServer server in discovered)
        {
            if (!DomainName.IsValid(server.Name, requireDot: false) && Uri.CheckHostName(server.Name) == UriHostNameType.Unknown) continue;
            if (usable.Any(u => Same(u.Name, server.Name))) continue;
            (server.HostsPowerShellEndpoint ? usable : skipped).Add(server);
        }

        var kept = usable.Where(d => current.Any(c => d.IsNamed(c.Name))).ToList();
        var added = usable.Where(d => !current.Any(c => d.IsNamed(c.Name))).ToList();
        var removed = current.OrderBy(c => c.Priority).Where(c => !usable.Any(d => d.IsNamed(c.Name))).Select(c => c.Name).ToList();
        return new ServerSyncPlan(kept, added, removed, skipped);
    }

    /// <summary>Applies the plan: the confirmed removals, and (when confirmed) the additions and versions.</summary>
    public void Apply(ExchangeSettings settings, ICollection<string> confirmedRemovals, bool addAndRecordVersions)
    {
        List<ExchangeServerEntry> servers = settings.Servers;
        ExchangeServerChanges.Remove(servers, Removed.Where(r => confirmedRemovals.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList());
        if (!addAndRecordVersions) return;
        ExchangeServerChanges.Add(servers, Added.Select(a => a.Name).ToList());
        foreach (DiscoveredServer server in Kept.Concat(Added))
        {
            ExchangeServerEntry entry = servers.First(s => server.IsNamed(s.Name));
            ExchangeVersion? version = ExchangeVersionMap.FromAdminDisplayVersion(server.AdminDisplayVersion);
            entry.Version = version.HasValue ? ExchangeVersionNames.Display(version.Value) : server.AdminDisplayVersion;
        }
    }

    private static bool Same(string a, string b) => string.Equals(a, b, StringComparison.OrdinalIgnoreCase);
}

using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

public sealed class ExchangeServerInfo
{
    public string IdentityStore { get; set; } = "";
    public string Name { get; set; } = "";
    public int Priority { get; set; }
    public ServerStatus Status { get; set; }
    public DateTimeOffset? StatusChecked { get; set; }
    public string? StatusReason { get; set; }
    public int? LatencyMilliseconds { get; set; }
    public string? Version { get; set; }

    public static ExchangeServerInfo From(string identityStore, ExchangeServerEntry entry) => new ExchangeServerInfo
    {
        IdentityStore = identityStore,
        Name = entry.Name,
        Priority = entry.Priority,
        Status = entry.Status,
        StatusChecked = entry.StatusChecked,
        StatusReason = entry.StatusReason,
        LatencyMilliseconds = entry.LatencyMilliseconds,
        Version = entry.Version,
    };
}

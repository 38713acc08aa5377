using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Exchange.Status;

/// <summary>What one status probe of one server found.</summary>
public sealed class ServerProbeResult
{
    public string Server { get; set; } = "";
    public ServerStatus Status { get; set; }
    public string Reason { get; set; } = "";
    public int? LatencyMilliseconds { get; set; }
    public DateTimeOffset Checked { get; set; }
    public int[] OpenPorts { get; set; } = Array.Empty<int>();
}

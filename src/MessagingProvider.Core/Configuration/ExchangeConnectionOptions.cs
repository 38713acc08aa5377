using System.Collections.Generic;

namespace MessagingProvider.Configuration;

/// <summary>How the module talks to an identity store's Exchange servers (remote PowerShell and status probes).</summary>
public sealed class ExchangeConnectionOptions
{
    public static readonly int[] DocumentedPorts = { 80, 443, 5985, 5986 };

    /// <summary>How long opening a remote session may take before the next server is tried.</summary>
    public int OpenTimeoutSeconds { get; set; } = 30;

    /// <summary>How long one Exchange command may run.</summary>
    public int OperationTimeoutSeconds { get; set; } = 180;

    /// <summary>How long a server that just failed is skipped (0 = never skipped).</summary>
    public int FailoverCooldownSeconds { get; set; } = 300;

    /// <summary>Accepts a certificate no trusted authority issued (test labs with self-signed certificates); its name is still checked.</summary>
    public bool SkipCertificateCheck { get; set; }

    /// <summary>Accepts a certificate whose name does not match the server's: only when asked for separately.</summary>
    public bool SkipCertificateNameCheck { get; set; }

    /// <summary>The port of http://server/PowerShell/ (80 unless the site is bound elsewhere).</summary>
    public int HttpPort { get; set; } = 80;

    /// <summary>The port of https://server/PowerShell/.</summary>
    public int HttpsPort { get; set; } = 443;

    /// <summary>The TCP ports Test-ExchangeServer checks (the ones the connector documents).</summary>
    public List<int> ProbePorts { get; set; } = new List<int>(DocumentedPorts);

    /// <summary>Each probe (TCP connect, HTTP request) gives up after this long.</summary>
    public int ProbeTimeoutSeconds { get; set; } = 5;
}

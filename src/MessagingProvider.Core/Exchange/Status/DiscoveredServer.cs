using System;

namespace MessagingProvider.Exchange.Status;

/// <summary>One server as Get-ExchangeServer reports it.</summary>
public sealed class DiscoveredServer
{
    public DiscoveredServer(string name, string? fqdn, string? adminDisplayVersion, string? serverRole)
    {
        ShortName = name;
        Name = string.IsNullOrWhiteSpace(fqdn) ? name : fqdn!;
        AdminDisplayVersion = adminDisplayVersion;
        ServerRole = serverRole;
    }

    /// <summary>The fully qualified name when Exchange reports one (what remote PowerShell and Kerberos want), else the name.</summary>
    public string Name { get; }

    public string ShortName { get; }

    public bool IsNamed(string name) =>
        string.Equals(Name, name, StringComparison.OrdinalIgnoreCase) || string.Equals(ShortName, name, StringComparison.OrdinalIgnoreCase);
    public string? AdminDisplayVersion { get; }
    public string? ServerRole { get; }

    /// <summary>The remote PowerShell endpoint lives on Mailbox (2016 and later) and Client Access (2013) servers, never on Edge Transport.</summary>
    public bool HostsPowerShellEndpoint =>
        ServerRole is null ||
        (ServerRole.IndexOf("Edge", StringComparison.OrdinalIgnoreCase) < 0 &&
         (ServerRole.IndexOf("Mailbox", StringComparison.OrdinalIgnoreCase) >= 0 || ServerRole.IndexOf("ClientAccess", StringComparison.OrdinalIgnoreCase) >= 0));
}

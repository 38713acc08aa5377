using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Reflection;
using System.Runtime.Loader;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>
/// An identity store "Contoso" on provider Exchange whose servers are stand-in Exchange processes.
/// The module under test reaches them through its own runner; only the connection differs:
/// the runner's test seam returns NamedPipeConnectionInfo(process id) instead of WS-Management.
/// </summary>
public sealed class ExchangeLab : IDisposable
{
    private readonly Dictionary<string, ExchangeServerProcess> _servers = new Dictionary<string, ExchangeServerProcess>(StringComparer.OrdinalIgnoreCase);

    public ExchangeLab(ModuleSession session, string authentication = "Negotiate", params string[] serversInPriorityOrder)
    {
        Session = session;
        ExchangeConnectionSeam.Route(ConnectionFor);
        session.Run(
            "$null = New-IdentityStore -Name Contoso; " +
            "Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $args[0] -Authentication $args[1] -ExcludedSmtpDomain contoso.mail.onmicrosoft.com -Force",
            Credential, authentication).ThrowIfErrors();
        if (serversInPriorityOrder.Length > 0) SetServers(serversInPriorityOrder);
    }

    public static PSCredential Credential { get; } = new PSCredential(@"CONTOSO\svc-exchange", new System.Net.NetworkCredential("", "Secret-1").SecurePassword);

    public ModuleSession Session { get; }

    public StandInDirectory Directory { get; } = new StandInDirectory();

    public ExchangeServerProcess this[string name] => _servers[name];

    public ExchangeServerProcess Start(string name, IDictionary<string, string>? environment = null)
    {
        ExchangeServerProcess server = ExchangeServerProcess.Start(name, Directory, environment);
        _servers[name] = server;
        return server;
    }

    /// <summary>Replaces the store's server list with these, in this priority order.</summary>
    public void SetServers(params string[] names)
    {
        Session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Server $args[0]", new object[] { names }).ThrowIfErrors();
        for (int i = 0; i < names.Length; i++)
        {
            Session.Run("Set-ExchangeServerPriority -IdentityStore Contoso -Server $args[0] -Priority $args[1]", names[i], i + 1).ThrowIfErrors();
        }
    }

    public IReadOnlyList<(string Server, string Command, string Identity)> Journal() => Directory.Journal();

    private RunspaceConnectionInfo ConnectionFor(string server)
    {
        // A server with no process maps to a process id that does not exist: a server that is down.
        return _servers.TryGetValue(server, out ExchangeServerProcess? s) ? s.ConnectionInfo() : new NamedPipeConnectionInfo(int.MaxValue - 7);
    }

    public void Dispose()
    {
        ExchangeConnectionSeam.Route(null);
        foreach (ExchangeServerProcess server in _servers.Values) server.Dispose();
        Directory.Dispose();
    }
}

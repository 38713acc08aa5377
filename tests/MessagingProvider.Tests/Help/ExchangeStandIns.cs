using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Help;

/// <summary>
/// For one &lt;!-- requires: exchange --&gt; example: every Exchange server the module connects to
/// is a stand-in Exchange server process (real PowerShell remoting over a named pipe, started on
/// first connection under the name the identity store gives it), sharing one directory.
/// </summary>
internal sealed class ExchangeStandIns : IDisposable
{
    private readonly Dictionary<string, StandInServer> _servers = new Dictionary<string, StandInServer>(StringComparer.OrdinalIgnoreCase);
    private readonly object _sync = new object();

    public ExchangeStandIns() => ExchangeConnectionSeam.Route(ConnectionFor);

    /// <summary>The stand-ins' directory: the set-up seeds recipients and the server list through it ($ExchangeLab).</summary>
    public StandInDirectory Directory { get; } = new StandInDirectory();

    private RunspaceConnectionInfo ConnectionFor(string server)
    {
        lock (_sync)
        {
            if (!_servers.TryGetValue(server, out StandInServer? standIn)) _servers[server] = standIn = StandInServer.Start(server, Directory);
            return standIn.ConnectionInfo();
        }
    }

    public void Dispose()
    {
        ExchangeConnectionSeam.Route(null);
        foreach (StandInServer server in _servers.Values) server.Dispose();
        Directory.Dispose();
    }
}

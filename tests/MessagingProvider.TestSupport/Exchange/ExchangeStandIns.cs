using System;
using System.Collections.Generic;
using System.Management.Automation.Runspaces;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A set of stand-in Exchange server processes sharing one directory, and the module's connection
/// seam pointed at them: the module's own runner connects over real PowerShell remoting (a named
/// pipe) where it would open WS-Management. A server name without a running process is a server
/// that is down, unless <c>startOnFirstConnection</c> starts one under that name (help examples).
/// </summary>
public sealed class ExchangeStandIns : IDisposable
{
    private readonly Dictionary<string, ExchangeServerProcess> _servers = new Dictionary<string, ExchangeServerProcess>(StringComparer.OrdinalIgnoreCase);
    private readonly object _sync = new object();
    private readonly bool _startOnFirstConnection;

    public ExchangeStandIns(bool startOnFirstConnection = true, string domain = "contoso.com")
    {
        _startOnFirstConnection = startOnFirstConnection;
        Directory = new StandInDirectory(domain);
        ExchangeConnectionSeam.Route(ConnectionFor);
    }

    /// <summary>The stand-ins' shared directory: seed recipients and the server list, read the journal.</summary>
    public StandInDirectory Directory { get; }

    public ExchangeServerProcess this[string name]
    {
        get { lock (_sync) return _servers[name]; }
    }

    /// <summary>Starts a stand-in server process under this name (environment: STANDIN_* behaviour switches).</summary>
    public ExchangeServerProcess Start(string name, IDictionary<string, string>? environment = null)
    {
        ExchangeServerProcess server = ExchangeServerProcess.Start(name, Directory, environment);
        lock (_sync) _servers[name] = server;
        return server;
    }

    /// <summary>Kills the process of this server: a real server failure.</summary>
    public void Kill(string name)
    {
        lock (_sync)
        {
            if (_servers.TryGetValue(name, out ExchangeServerProcess? server)) server.Kill();
        }
    }

    private int _connections;

    /// <summary>How many remote sessions the module opened (one connection each), to any server.</summary>
    public int ConnectionsOpened => System.Threading.Volatile.Read(ref _connections);

    private RunspaceConnectionInfo ConnectionFor(string server)
    {
        System.Threading.Interlocked.Increment(ref _connections);
        ExchangeServerProcess? standIn;
        lock (_sync)
        {
            if (!_servers.TryGetValue(server, out standIn) && _startOnFirstConnection) _servers[server] = standIn = ExchangeServerProcess.Start(server, Directory);
        }

        // No process: a process id that does not exist, so the connection fails as to a server that is down.
        return standIn?.ConnectionInfo() ?? new NamedPipeConnectionInfo(int.MaxValue - 7);
    }

    public void Dispose()
    {
        ExchangeConnectionSeam.Route(null);
        lock (_sync)
        {
            foreach (ExchangeServerProcess server in _servers.Values) server.Dispose();
            _servers.Clear();
        }

        Directory.Dispose();
    }
}

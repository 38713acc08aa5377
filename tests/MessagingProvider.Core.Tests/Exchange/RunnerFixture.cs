using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation.Runspaces;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Core.Tests.Exchange;

/// <summary>Stand-in servers plus a runner that reaches them over their named pipes, through the production runner code.</summary>
internal sealed class RunnerFixture : IDisposable
{
    private readonly Dictionary<string, ExchangeServerProcess> _servers = new Dictionary<string, ExchangeServerProcess>(StringComparer.OrdinalIgnoreCase);

    public RunnerFixture() => Scope = "runner-tests|" + Guid.NewGuid().ToString("N");

    public StandInDirectory Directory { get; } = new StandInDirectory();

    public string Scope { get; }

    public List<string> Verbose { get; } = new List<string>();

    public ExchangeServerProcess this[string name] => _servers[name];

    public ExchangeServerProcess Start(string name, IDictionary<string, string>? environment = null)
    {
        ExchangeServerProcess server = ExchangeServerProcess.Start(name, Directory, environment);
        _servers[name] = server;
        return server;
    }

    /// <summary>A runner over <paramref name="servers"/> in that priority order. Unknown names map to a process id that does not exist.</summary>
    public ExchangeCommandRunner Runner(TimeSpan? cooldown = null, params string[] servers) =>
        new ExchangeCommandRunner("Contoso", servers, ConnectionFor, cooldown ?? TimeSpan.FromMinutes(5), Scope, Verbose.Add);

    public RunspaceConnectionInfo ConnectionFor(string server)
    {
        return _servers.TryGetValue(server, out ExchangeServerProcess? s) ? s.ConnectionInfo() : new NamedPipeConnectionInfo(int.MaxValue - 7);
    }

    public IReadOnlyList<(string Server, string Command, string Identity)> Journal() => Directory.Journal();

    public void Dispose()
    {
        foreach (ExchangeServerProcess server in _servers.Values) server.Dispose();
        Directory.Dispose();
    }
}

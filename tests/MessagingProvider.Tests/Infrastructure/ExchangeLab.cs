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
    private readonly Dictionary<string, StandInServer> _servers = new Dictionary<string, StandInServer>(StringComparer.OrdinalIgnoreCase);

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

    public StandInServer this[string name] => _servers[name];

    public StandInServer Start(string name, IDictionary<string, string>? environment = null)
    {
        StandInServer server = StandInServer.Start(name, Directory, environment);
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
        return _servers.TryGetValue(server, out StandInServer? s) ? s.ConnectionInfo() : new NamedPipeConnectionInfo(int.MaxValue - 7);
    }

    public void Dispose()
    {
        ExchangeConnectionSeam.Route(null);
        foreach (StandInServer server in _servers.Values) server.Dispose();
        Directory.Dispose();
    }
}

/// <summary>
/// Sets the runner's test seam in the module's copy of MessagingProvider.Core, which lives in the
/// module's private AssemblyLoadContext (so it is found by reflection, and only BCL/SMA types cross).
/// </summary>
public static class ExchangeConnectionSeam
{
    public static void Route(Func<string, RunspaceConnectionInfo>? connectionFor)
    {
        Assembly core = AssemblyLoadContext.All
            .Where(c => c.Name == "MessagingProvider")
            .SelectMany(c => c.Assemblies)
            .Single(a => a.GetName().Name == "MessagingProvider.Core");
        FieldInfo field = core.GetType("MessagingProvider.Exchange.Remoting.ExchangeConnectionInfoFactory", throwOnError: true)!
            .GetField("TestConnectionOverride", BindingFlags.NonPublic | BindingFlags.Static)!;
        field.SetValue(null, connectionFor);
    }
}

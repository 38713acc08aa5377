using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// Sync-ExchangeServer against stand-in servers. The server names are loopback names
/// (localhost, 127.0.0.1) so the status probe after the sync never leaves the machine.
/// </summary>
public sealed class SyncExchangeServerTests
{
    private static ExchangeLab Lab(ModuleSession session)
    {
        var lab = new ExchangeLab(session, "Negotiate", "localhost", "old-exch.contoso.com");
        lab.Start("localhost");
        lab.Directory.SetExchangeServers(
            ("localhost", "Version 15.2 (Build 1544.4)", "Mailbox"),
            ("127.0.0.1", "Version 15.2 (Build 2562.17)", "Mailbox"),
            ("edge.contoso.com", "Version 15.2 (Build 1544.4)", "Edge"));
        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $args[0] -ProbePort $args[0] -ProbeTimeoutSeconds 2", ProbeListener.ClosedPort()).ThrowIfErrors();
        return lab;
    }

    [Fact]
    public void SyncKeepsPrioritiesAppendsNewRemovesMissingThenProbes()
    {
        using var session = new ModuleSession();
        using ExchangeLab lab = Lab(session);

        RunResult run = session.Run("Sync-ExchangeServer -IdentityStore Contoso -Confirm:$false -Verbose");

        run.ThrowIfErrors();
        Assert.Equal(new[] { ("localhost", 1, "2019"), ("127.0.0.1", 2, "SE") },
            run.Output.Select(o => ((string)o.Properties["Name"].Value, (int)o.Properties["Priority"].Value, (string)o.Properties["Version"].Value)));
        Assert.All(run.Output, o => Assert.Equal("Offline", o.Properties["Status"].Value.ToString()));
        Assert.All(run.Output, o => Assert.NotNull(o.Properties["StatusChecked"].Value));
        Assert.Contains(run.Verbose, v => v == "Removed Exchange server 'old-exch.contoso.com'.");
        Assert.Contains(run.Verbose, v => v.StartsWith("Skipping 'edge.contoso.com' (Edge)", System.StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.StartsWith("Exchange server 'localhost': Get-ExchangeServer succeeded (", System.StringComparison.Ordinal));
        Assert.Equal(new[] { "localhost", "127.0.0.1" },
            session.Run("Get-ExchangeServer -IdentityStore Contoso").ThrowIfErrors().Output.Select(o => (string)o.Properties["Name"].Value));
    }

    [Fact]
    public void WhatIfChangesNothing()
    {
        using var session = new ModuleSession();
        using ExchangeLab lab = Lab(session);
        var before = session.Snapshot();

        session.Run("Sync-ExchangeServer -IdentityStore Contoso -WhatIf").ThrowIfErrors();

        var after = session.Snapshot();
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        Assert.All(before, pair => Assert.Equal(pair.Value, after[pair.Key]));
    }
}

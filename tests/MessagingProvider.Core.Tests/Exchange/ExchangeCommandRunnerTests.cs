using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.TestSupport;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

/// <summary>The runner against real stand-in Exchange server processes over PowerShell remoting (named pipes).</summary>
public sealed class ExchangeCommandRunnerTests
{
    private static ExchangeCommand EnableGroup(string identity) =>
        new ExchangeCommand("Enable-DistributionGroup").With("Identity", identity).With("Alias", identity.ToLowerInvariant());

    private static ExchangeCommand Exists(string identity) => new ExchangeCommand("Get-Recipient").With("Identity", identity);

    [Fact]
    public async Task ServersAreTriedInPriorityOrder()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        fixture.Start("ExchB");

        using (ExchangeCommandRunner runner = fixture.Runner(null, "ExchB", "ExchA"))
        {
            ExchangeRunResult result = await runner.InvokeAsync(EnableGroup("Sales"), Exists("Sales"), CancellationToken.None);
            Assert.Equal("ExchB", result.Server);
            Assert.Empty(result.Errors);
            Assert.Equal("sales@contoso.com", result.Output.Single().Properties["PrimarySmtpAddress"].Value);
        }

        using (ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB"))
        {
            Assert.Equal("ExchA", (await runner.InvokeAsync(EnableGroup("Finance"), Exists("Finance"), CancellationToken.None)).Server);
        }

        Assert.Equal(new[] { ("ExchB", "Enable-DistributionGroup", "Sales"), ("ExchA", "Enable-DistributionGroup", "Finance") }, fixture.Journal());
    }

    [Fact]
    public async Task GonePriorityOneServerFailsOverToPriorityTwo()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA").Kill();
        fixture.Start("ExchB");

        using ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB");
        ExchangeRunResult result = await runner.InvokeAsync(EnableGroup("Sales"), Exists("Sales"), CancellationToken.None);

        Assert.Equal("ExchB", result.Server);
        Assert.Equal(new[] { ("ExchB", "Enable-DistributionGroup", "Sales") }, fixture.Journal());
        Assert.Contains(fixture.Verbose, v => v.StartsWith("Exchange server 'ExchA': connection failed after ", StringComparison.Ordinal) && v.Contains(" ms: "));
        Assert.Contains(fixture.Verbose, v => v.StartsWith("Exchange server 'ExchB': Enable-DistributionGroup -Identity -Alias succeeded (", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ServerKilledMidPipelineHandsTheRestToTheNextServerWithoutDoingAnythingTwice()
    {
        using var fixture = new RunnerFixture();
        // ExchA dies right after its second change, before it answers: that create did happen.
        fixture.Start("ExchA", new Dictionary<string, string> { ["STANDIN_EXIT_AFTER_CHANGES"] = "2" });
        fixture.Start("ExchB");
        string[] groups = { "G1", "G2", "G3", "G4" };

        var results = new List<ExchangeRunResult>();
        using (ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB"))
        {
            foreach (string group in groups) results.Add((await runner.InvokeAsync(EnableGroup(group), Exists(group), CancellationToken.None)));
        }

        Assert.True(fixture["ExchA"].HasExited);
        Assert.All(results, r => Assert.Empty(r.Errors));
        Assert.Equal(new[] { "ExchA", "ExchA", "ExchB", "ExchB" }, results.Select(r => r.Server));
        Assert.False(results[0].FoundAfterFailover);
        Assert.True(results[1].FoundAfterFailover);
        Assert.Equal("g2@contoso.com", results[1].Output.Single().Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(new[]
        {
            ("ExchA", "Enable-DistributionGroup", "G1"),
            ("ExchA", "Enable-DistributionGroup", "G2"),
            ("ExchB", "Enable-DistributionGroup", "G3"),
            ("ExchB", "Enable-DistributionGroup", "G4"),
        }, fixture.Journal());
    }

    [Fact]
    public async Task ExchangeErrorIsReturnedWithTheServerAndDoesNotFailOver()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        fixture.Start("ExchB");

        using ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB");
        await runner.InvokeAsync(EnableGroup("Sales"), Exists("Sales"), CancellationToken.None);
        ExchangeRunResult again = await runner.InvokeAsync(EnableGroup("Sales"), Exists("Sales"), CancellationToken.None);

        Assert.Equal("ExchA", again.Server);
        Assert.Empty(again.Output);
        Assert.Contains("already mail-enabled", Assert.Single(again.Errors).Exception.Message);
        Assert.DoesNotContain(fixture.Journal(), j => j.Server == "ExchB");
    }

    [Fact]
    public async Task FailedServerIsSkippedDuringItsCooldownAndTriedAgainWithoutOne()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA").Kill();
        fixture.Start("ExchB");

        using (ExchangeCommandRunner first = fixture.Runner(null, "ExchA", "ExchB"))
        {
            Assert.Equal("ExchB", (await first.InvokeAsync(EnableGroup("G1"), Exists("G1"), CancellationToken.None)).Server);
        }

        fixture.Verbose.Clear();
        using (ExchangeCommandRunner second = fixture.Runner(null, "ExchA", "ExchB"))
        {
            Assert.Equal("ExchB", (await second.InvokeAsync(EnableGroup("G2"), Exists("G2"), CancellationToken.None)).Server);
        }

        Assert.Contains(fixture.Verbose, v => v.StartsWith("Exchange server 'ExchA': skipped, it failed recently", StringComparison.Ordinal));
        Assert.DoesNotContain(fixture.Verbose, v => v.Contains("'ExchA': connection failed"));

        fixture.Verbose.Clear();
        using (ExchangeCommandRunner noCooldown = fixture.Runner(TimeSpan.Zero, "ExchA", "ExchB"))
        {
            Assert.Equal("ExchB", (await noCooldown.InvokeAsync(EnableGroup("G3"), Exists("G3"), CancellationToken.None)).Server);
        }

        Assert.Contains(fixture.Verbose, v => v.StartsWith("Exchange server 'ExchA': connection failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AllServersDownGivesOneErrorNamingEachServer()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA").Kill();
        fixture.Start("ExchB").Kill();

        using ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB");
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync(EnableGroup("G1"), Exists("G1"), CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeServersUnavailable, error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
        Assert.Contains("ExchA: ", error.Message);
        Assert.Contains("ExchB: ", error.Message);
        Assert.Empty(fixture.Journal());

        // Both are now cooling down: every server being down means both are tried again, not skipped.
        fixture.Verbose.Clear();
        await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync(EnableGroup("G1"), Exists("G1"), CancellationToken.None));
        Assert.Equal(2, fixture.Verbose.Count(v => v.Contains("connection failed")));
    }

    [Fact]
    public async Task CancellationStopsTheRunner()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        using ExchangeCommandRunner runner = fixture.Runner(null, "ExchA");
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.InvokeAsync(EnableGroup("G1"), Exists("G1"), cancelled.Token));
        Assert.Empty(fixture.Journal());
    }

    [Fact]
    public async Task CancellationWhileAServerHangsStopsPromptly()
    {
        using var fixture = new RunnerFixture();
        ExchangeServerProcess hung = fixture.Start("ExchHung");
        System.Diagnostics.Process.Start("kill", new[] { "-STOP", hung.ProcessId.ToString() })!.WaitForExit();
        try
        {
            // A minute-long open timeout: only cancellation can end this attempt early.
            using var runner = new ExchangeCommandRunner("Contoso", new[] { "ExchHung" },
                s => new System.Management.Automation.Runspaces.NamedPipeConnectionInfo(hung.ProcessId) { OpenTimeout = 60_000 },
                TimeSpan.Zero, fixture.Scope, fixture.Verbose.Add);
            using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(500));

            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.InvokeAsync(EnableGroup("G1"), Exists("G1"), cancel.Token));
        }
        finally
        {
            System.Diagnostics.Process.Start("kill", new[] { "-CONT", hung.ProcessId.ToString() })!.WaitForExit();
        }
    }
}

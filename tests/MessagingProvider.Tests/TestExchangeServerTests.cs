using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>Test-ExchangeServer against local listeners on 127.0.0.1 (high ports, set with Set-ExchangeConnectionOption).</summary>
public sealed class TestExchangeServerTests
{
    private static ModuleSession StoreWithLocalServer()
    {
        var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Contoso; " +
                    "Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $args[0] -Server 127.0.0.1 -Force",
            ExchangeLab.Credential).ThrowIfErrors();
        return session;
    }

    [Fact]
    public void EndpointAskingForNegotiateIsOnlineAndStored()
    {
        using ModuleSession session = StoreWithLocalServer();
        using ProbeListener endpoint = ProbeListener.Negotiate();
        int closed = ProbeListener.ClosedPort();
        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $args[0] -ProbePort $args[0], $args[1]", endpoint.Port, closed).ThrowIfErrors();

        PSObject result = session.Run("Test-ExchangeServer -IdentityStore Contoso -Verbose").Single();

        Assert.Equal("MessagingProvider.Output.ExchangeServerInfo", result.TypeNames[0]);
        Assert.Equal("Online", result.Properties["Status"].Value.ToString());
        string reason = (string)result.Properties["StatusReason"].Value;
        Assert.Contains($"http://127.0.0.1:{endpoint.Port}/PowerShell/ asks for Negotiate/Kerberos (401)", reason);
        Assert.Contains($"port {closed} refused the connection", reason);
        Assert.NotNull(result.Properties["LatencyMilliseconds"].Value);

        PSObject stored = session.Run("Get-ExchangeServer -IdentityStore Contoso").Single();
        Assert.Equal("Online", stored.Properties["Status"].Value.ToString());
        Assert.Equal(reason, stored.Properties["StatusReason"].Value);
        Assert.NotNull(stored.Properties["StatusChecked"].Value);
    }

    [Fact]
    public void ClosedPortIsOfflineRefused()
    {
        using ModuleSession session = StoreWithLocalServer();
        int closed = ProbeListener.ClosedPort();
        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $args[0] -ProbePort $args[0]", closed).ThrowIfErrors();

        PSObject result = session.Run("Get-ExchangeServer -IdentityStore Contoso | Test-ExchangeServer").Single();

        Assert.Equal("Offline", result.Properties["Status"].Value.ToString());
        Assert.Contains($"http://127.0.0.1:{closed}/PowerShell/ refused the connection", (string)result.Properties["StatusReason"].Value);
        Assert.Null(result.Properties["LatencyMilliseconds"].Value);
    }

    [Fact]
    public void ListenerThatNeverAnswersIsOfflineTimeout()
    {
        using ModuleSession session = StoreWithLocalServer();
        using ProbeListener silent = ProbeListener.Silent();
        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $args[0] -ProbePort $args[0] -ProbeTimeoutSeconds 1", silent.Port).ThrowIfErrors();

        PSObject result = session.Run("Test-ExchangeServer -IdentityStore Contoso -Server 127.0.0.1").Single();

        Assert.Equal("Offline", result.Properties["Status"].Value.ToString());
        string reason = (string)result.Properties["StatusReason"].Value;
        Assert.Contains($"http://127.0.0.1:{silent.Port}/PowerShell/ did not answer within 1 s (timeout)", reason);
        Assert.Contains($"ports {silent.Port} open", reason);
    }

    [Fact]
    public void UnknownServerIsAnError()
    {
        using ModuleSession session = StoreWithLocalServer();
        RunResult run = session.Run("Test-ExchangeServer -IdentityStore Contoso -Server exch99.contoso.com");
        Assert.Equal("ExchangeServerNotFound,MessagingProvider.Commands.TestExchangeServerCommand", run.SingleError().FullyQualifiedErrorId);
    }
}

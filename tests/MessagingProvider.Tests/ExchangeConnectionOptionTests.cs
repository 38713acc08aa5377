using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class ExchangeConnectionOptionTests
{
    private static ModuleSession ExchangeStore()
    {
        var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Contoso; Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $args[0] -Force",
            ExchangeLab.Credential).ThrowIfErrors();
        return session;
    }

    [Fact]
    public void ChangesOnlyTheOptionsGiven()
    {
        using ModuleSession session = ExchangeStore();

        PSObject options = session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -FailoverCooldownSeconds 120 -PassThru").Single();

        Assert.Equal(10, options.Properties["OpenTimeoutSeconds"].Value);
        Assert.Equal(120, options.Properties["FailoverCooldownSeconds"].Value);
        Assert.Equal(180, options.Properties["OperationTimeoutSeconds"].Value);
        Assert.Equal(new[] { 80, 443, 5985, 5986 }, ((System.Collections.IEnumerable)options.Properties["ProbePorts"].Value).Cast<object>().Select(p => (int)(p is PSObject o ? o.BaseObject : p)));
        Assert.False((bool)options.Properties["SkipCertificateCheck"].Value);
    }

    [Fact]
    public void OutOfRangeValueIsRefusedAndNothingChanges()
    {
        using ModuleSession session = ExchangeStore();
        var before = session.Snapshot();

        RunResult run = session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort 70000");

        Assert.Equal("ParameterArgumentValidationError,MessagingProvider.Commands.SetExchangeConnectionOptionCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Equal(before, session.Snapshot());
    }

    [Fact]
    public void StoreWithoutExchangeIsRefused()
    {
        using ModuleSession session = ExchangeStore();
        session.Run("$null = New-IdentityStore -Name Ext").ThrowIfErrors();

        RunResult run = session.Run("Set-ExchangeConnectionOption -IdentityStore Ext -OpenTimeoutSeconds 10");

        Assert.Equal("ProviderNotConfigured,MessagingProvider.Commands.SetExchangeConnectionOptionCommand", run.SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIfChangesNothing()
    {
        using ModuleSession session = ExchangeStore();
        var before = session.Snapshot();

        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 10 -WhatIf").ThrowIfErrors();

        Assert.Equal(before, session.Snapshot());
    }
}

using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class ExchangeServerTests
{
    private static string Order(ModuleSession session) =>
        string.Join(",", session.Run("Get-ExchangeServer -IdentityStore Contoso").ThrowIfErrors().Output
            .Select(s => $"{s.Properties["Priority"].Value}:{s.Properties["Name"].Value}"));

    private static ModuleSession WithServers()
    {
        var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore + "Add-ExchangeServer -IdentityStore Contoso -Server ExchA\n'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore Contoso").ThrowIfErrors();
        return session;
    }

    [Fact]
    public void ServersAreListedInPriorityOrderWithStatus()
    {
        using var session = WithServers();
        var servers = session.Run("Get-ExchangeServer -IdentityStore Contoso").ThrowIfErrors().Output;
        Assert.Equal("1:ExchA,2:ExchB,3:ExchC", Order(session));
        Assert.All(servers, s => Assert.Equal("MessagingProvider.Output.ExchangeServerInfo", s.TypeNames[0]));
        Assert.All(servers, s => Assert.Equal("Unknown", s.Properties["Status"].Value.ToString()));
        Assert.Equal("ExchB", session.Run("Get-ExchangeServer -IdentityStore Contoso -Server 'exchb'").Single().Properties["Name"].Value);
    }

    [Fact]
    public void FirstServersAddedTogetherGetARandomTopPriority()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.Credential).ThrowIfErrors();
        var firsts = new System.Collections.Generic.HashSet<string>();
        for (int i = 0; i < 30; i++)
        {
            PSObject first = session.Run(Scripts.Credential + $@"
                $null = New-IdentityStore -Name S{i}
                Set-MessagingProvider -IdentityStore S{i} -Provider Exchange -Domain contoso.com -Credential $cred
                'ExchA', 'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore S{i}
                Get-ExchangeServer -IdentityStore S{i} | Where-Object Priority -eq 1").Single();
            firsts.Add((string)first.Properties["Name"].Value);
        }

        Assert.True(firsts.Count > 1, "the highest priority always went to the same server");
    }

    [Fact]
    public void PriorityMovesShiftTheOthers()
    {
        using var session = WithServers();
        PSObject[] passThru = session.Run("Set-ExchangeServerPriority -IdentityStore Contoso -Server ExchC -Priority 1 -PassThru").ThrowIfErrors().Output.ToArray();
        Assert.Equal(3, passThru.Length);
        Assert.Equal("1:ExchC,2:ExchA,3:ExchB", Order(session));

        session.Run("Get-ExchangeServer -IdentityStore Contoso -Server ExchC | Set-ExchangeServerPriority -Priority 3").ThrowIfErrors();
        Assert.Equal("1:ExchA,2:ExchB,3:ExchC", Order(session));
    }

    [Fact]
    public void RemoveTakesServersFromThePipelineAndHonoursWhatIf()
    {
        using var session = WithServers();
        session.Run("Remove-ExchangeServer -IdentityStore Contoso -Server ExchA -WhatIf").ThrowIfErrors();
        Assert.Equal("1:ExchA,2:ExchB,3:ExchC", Order(session));

        session.Run("Get-ExchangeServer -IdentityStore Contoso -Server ExchA | Remove-ExchangeServer -Confirm:$false").ThrowIfErrors();
        Assert.Equal("1:ExchB,2:ExchC", Order(session));
    }

    [Theory]
    [InlineData("Set-ExchangeServerPriority -IdentityStore Contoso -Server ExchZ -Priority 1", "ExchangeServerNotFound", "SetExchangeServerPriorityCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Set-ExchangeServerPriority -IdentityStore Contoso -Server ExchA -Priority 4", "ExchangeServerPriorityOutOfRange", "SetExchangeServerPriorityCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Add-ExchangeServer -IdentityStore Contoso -Server ExchD, exchb", "ExchangeServerAlreadyExists", "AddExchangeServerCommand", ErrorCategory.ResourceExists)]
    [InlineData("Add-ExchangeServer -IdentityStore Contoso -Server 'bad name'", "InvalidServerName", "AddExchangeServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Remove-ExchangeServer -IdentityStore Contoso -Server ExchZ -Confirm:$false", "ExchangeServerNotFound", "RemoveExchangeServerCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-ExchangeServer -IdentityStore Contoso -Server ExchZ", "ExchangeServerNotFound", "GetExchangeServerCommand", ErrorCategory.ObjectNotFound)]
    public void BadInputIsASpecificErrorAndChangesNothing(string script, string errorId, string command, ErrorCategory category)
    {
        using var session = WithServers();
        session.RunRefused(script, $"{errorId},MessagingProvider.Commands.{command}", category);
    }

    [Fact]
    public void StoresWithoutExchangeRefuseServerCommands()
    {
        using var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Ext").ThrowIfErrors();
        ErrorRecord error = session.Run("Add-ExchangeServer -IdentityStore Ext -Server ExchA").SingleError();
        Assert.Equal("ProviderNotConfigured,MessagingProvider.Commands.AddExchangeServerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Set-MessagingProvider", error.Exception.Message);
    }

    [Fact]
    public void ServersAlsoComeWithTheProvider()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore + "Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Server ExchA, ExchB").ThrowIfErrors();
        PSObject info = session.Run("Get-MessagingProvider -IdentityStore Contoso").Single();
        Assert.Equal(2, ((object[])info.Properties["Servers"].Value).Length);
    }
}

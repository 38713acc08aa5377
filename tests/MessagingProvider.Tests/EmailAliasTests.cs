using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class EmailAliasTests
{
    [Fact]
    public void OtherProviderAppliesItsOwnRulesAndTheSmtpRules()
    {
        using var session = new ModuleSession();
        session.Run(@"$null = New-IdentityStore -Name Ext
            Set-MessagingProvider -IdentityStore Ext -Provider Other -Domain googlegroups.com -MaximumAliasLength 10 -AliasPattern '[a-z][a-z0-9.-]*'").ThrowIfErrors();

        var results = session.Run("'sales', 'Sales Team Europe', 'it.helpdesk' | Test-EmailAlias -IdentityStore Ext").ThrowIfErrors().Output;
        Assert.Equal(3, results.Count);
        Assert.All(results, r => Assert.Equal("MessagingProvider.Output.EmailAliasTestResult", r.TypeNames[0]));

        PSObject sales = results[0];
        Assert.Equal(true, sales.Properties["IsValid"].Value);
        Assert.Equal("sales@googlegroups.com", sales.Properties["Address"].Value);

        var reasons = (string[])results[1].Properties["Reasons"].Value;
        Assert.Equal(false, results[1].Properties["IsValid"].Value);
        Assert.Contains(reasons, r => r.Contains("maximum is 10"));
        Assert.Contains(reasons, r => r.Contains("does not match the alias pattern"));
        Assert.Contains(reasons, r => r.Contains("a space"));

        var longer = (string[])results[2].Properties["Reasons"].Value;
        Assert.Equal("It is 11 characters long; the maximum is 10.", Assert.Single(longer));
    }

    [Fact]
    public void ExchangeAppliesTheSmtpLocalPartRules()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore).ThrowIfErrors();
        var results = session.Run("Test-EmailAlias -IdentityStore Contoso -Alias 'john.smith', 'john..smith', ('x' * 65)").ThrowIfErrors().Output;
        Assert.Equal(new object[] { true, false, false }, results.Select(r => r.Properties["IsValid"].Value));
        Assert.Equal("john.smith@contoso.com", results[0].Properties["Address"].Value);
    }

    [Fact]
    public void ObjectsWithAnAliasPropertyFlowIn()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore).ThrowIfErrors();
        var results = session.Run("[pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'ok' }, [pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'not ok' } | Test-EmailAlias").ThrowIfErrors().Output;
        Assert.Equal(new object[] { true, false }, results.Select(r => r.Properties["IsValid"].Value));
    }

    [Fact]
    public void UnknownStoreIsAnError()
    {
        using var session = new ModuleSession();
        ErrorRecord error = session.Run("Test-EmailAlias -IdentityStore Nowhere -Alias x").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.TestEmailAliasCommand", error.FullyQualifiedErrorId);
    }
}

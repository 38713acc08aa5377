using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class MailAccountTests
{
    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void TheServerComesFromTheProviderDomainsAndTheLoginFromItsFormat()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains).ThrowIfErrors();
        PSObject account = session.Run("New-MailAccount -IdentityStore Contoso -EmailAddress Anna.Lee@Contoso.com -Password (secure 'Anna-P@ss-1')").Single();
        Assert.Equal("MessagingProvider.Output.MailAccountInfo", account.TypeNames[0]);
        Assert.Equal("Contoso IMAP", Prop(account, "MailServer"));
        Assert.Equal("Anna.Lee", Prop(account, "Login"));
        Assert.Equal("********", Prop(account, "Password"));

        session.Run("Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -LoginFormat EmailAddress").ThrowIfErrors();
        PSObject full = session.Run("New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.net -Password (secure 'Ben-P@ss-1')").Single();
        Assert.Equal("ben@contoso.net", Prop(full, "Login"));

        string stored = string.Concat(Directory.GetFiles(session.ConfigDirectory, "*.json").Select(File.ReadAllText));
        Assert.DoesNotContain("Anna-P@ss-1", stored);
        Assert.DoesNotContain("Ben-P@ss-1", stored);
    }

    [Fact]
    public void ManualLoginFormatTakesTheGivenLogin()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        PSObject account = session.Run("New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login 'FABRIKAM\\carl' -Password (secure 'Carl-P@ss-1')").Single();
        Assert.Equal("FABRIKAM\\carl", Prop(account, "Login"));
        Assert.Equal("Fabrikam EWS", Prop(account, "MailServer"));
    }

    [Fact]
    public void GetFiltersAndRemoveTakesPipedAccountsAndHonoursWhatIf()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains + @"
            'anna@contoso.com', 'ben@contoso.net' | New-MailAccount -IdentityStore Contoso -Password (secure 'P@ss-1') | Out-Null
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login carl -Password (secure 'P@ss-2')").ThrowIfErrors();
        Assert.Equal(3, session.Run("Get-MailAccount -IdentityStore Contoso").ThrowIfErrors().Output.Count);
        Assert.Equal("carl@fabrikam.com", Prop(session.Run("Get-MailAccount -IdentityStore Contoso -MailServer Fab*").Single(), "EmailAddress"));
        Assert.Equal("ben@contoso.net", Prop(session.Run("Get-MailAccount -IdentityStore Contoso -EmailAddress *.net").Single(), "EmailAddress"));
        Assert.Equal("carl@fabrikam.com", Prop(session.Run("Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' | Get-MailAccount").Single(), "EmailAddress"));

        session.Run("Remove-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -WhatIf").ThrowIfErrors();
        Assert.Equal(3, session.Run("Get-MailAccount -IdentityStore Contoso").ThrowIfErrors().Output.Count);
        session.Run("Get-MailAccount -IdentityStore Contoso -EmailAddress *contoso* | Remove-MailAccount -Confirm:$false").ThrowIfErrors();
        Assert.Equal("carl@fabrikam.com", Prop(session.Run("Get-MailAccount -IdentityStore Contoso").Single(), "EmailAddress"));
    }

    [Theory]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress dora@woodgrove.com -Password (secure 'x')", "MailServerNotDetermined", "Add-EmailProviderDomain", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Password (secure 'x')", "MailAccountLoginRequired", "-Login", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Login anna -Password (secure 'x')", "MailAccountLoginNotAllowed", "Manual", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com", "MailAccountPasswordRequired", "-Password", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress 'not an address' -Password (secure 'x')", "InvalidEmailAddress", "admin@contoso.com", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress EVE@contoso.com -Password (secure 'x')", "MailAccountAlreadyExists", "Remove-MailAccount", ErrorCategory.ResourceExists)]
    [InlineData("New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -MailServer Nowhere -Password (secure 'x')", "MailServerNotFound", "New-MailServer", ErrorCategory.ObjectNotFound)]
    [InlineData("Remove-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com -Confirm:$false", "MailAccountNotFound", "Get-MailAccount", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com", "MailAccountNotFound", "New-MailAccount", ErrorCategory.ObjectNotFound)]
    public void BadInputIsASpecificErrorThatSaysWhatToDoAndChangesNothing(string script, string errorId, string advice, ErrorCategory category)
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains + "$null = New-MailAccount -IdentityStore Contoso -EmailAddress eve@contoso.com -Password (secure 'Eve-P@ss-1')").ThrowIfErrors();
        string command = script.Substring(0, script.IndexOf(' ')).Replace("-", "");
        ErrorRecord error = session.RunRefused(Scripts.Credential + script, $"{errorId},MessagingProvider.Commands.{command}Command", category);
        Assert.Contains(advice, error.Exception.Message);
    }
}

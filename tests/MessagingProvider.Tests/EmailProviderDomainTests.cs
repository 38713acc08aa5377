using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class EmailProviderDomainTests
{
    private static string Table(ModuleSession session) =>
        string.Join(",", session.Run("Get-EmailProviderDomain -IdentityStore Contoso").ThrowIfErrors().Output
            .Select(d => $"{d.Properties["Domain"].Value}>{d.Properties["MailServer"].Value}"));

    [Fact]
    public void DomainsMapToAMailServerAndComeFromThePipeline()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains).ThrowIfErrors();
        PSObject added = session.Run("Add-EmailProviderDomain -IdentityStore Contoso -Domain fabrikam.com. -MailServer 'fabrikam ews' -PassThru").Single();
        Assert.Equal("MessagingProvider.Output.EmailProviderDomainInfo", added.TypeNames[0]);
        Assert.Equal("fabrikam.com", added.Properties["Domain"].Value);
        Assert.Equal("Fabrikam EWS", added.Properties["MailServer"].Value);
        Assert.Equal("contoso.com>Contoso IMAP,contoso.net>Contoso IMAP,fabrikam.com>Fabrikam EWS", Table(session));

        Assert.Equal("fabrikam.com", session.Run("Get-EmailProviderDomain -IdentityStore Contoso -MailServer Fab*").Single().Properties["Domain"].Value);
        Assert.Equal(2, session.Run("Get-EmailProviderDomain -IdentityStore Contoso -Domain contoso.*").ThrowIfErrors().Output.Count);
    }

    [Fact]
    public void RemoveTakesPipedDomainsAndHonoursWhatIf()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains).ThrowIfErrors();
        session.Run("Remove-EmailProviderDomain -IdentityStore Contoso -Domain contoso.com -WhatIf").ThrowIfErrors();
        Assert.Equal("contoso.com>Contoso IMAP,contoso.net>Contoso IMAP", Table(session));

        session.Run("Get-EmailProviderDomain -IdentityStore Contoso -Domain contoso.net | Remove-EmailProviderDomain -Confirm:$false").ThrowIfErrors();
        Assert.Equal("contoso.com>Contoso IMAP", Table(session));
    }

    [Theory]
    [InlineData("Add-EmailProviderDomain -IdentityStore Contoso -Domain 'not a domain' -MailServer 'Contoso IMAP'", "InvalidDomainName", "AddEmailProviderDomainCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Add-EmailProviderDomain -IdentityStore Contoso -Domain CONTOSO.com -MailServer 'Fabrikam EWS'", "EmailProviderDomainAlreadyExists", "AddEmailProviderDomainCommand", ErrorCategory.ResourceExists)]
    [InlineData("Add-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com -MailServer Nowhere", "MailServerNotFound", "AddEmailProviderDomainCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Remove-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com -Confirm:$false", "EmailProviderDomainNotFound", "RemoveEmailProviderDomainCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com", "EmailProviderDomainNotFound", "GetEmailProviderDomainCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-EmailProviderDomain -IdentityStore Nowhere", "IdentityStoreNotFound", "GetEmailProviderDomainCommand", ErrorCategory.ObjectNotFound)]
    public void BadInputIsASpecificErrorAndChangesNothing(string script, string errorId, string command, ErrorCategory category)
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains).ThrowIfErrors();
        session.RunRefused(script, $"{errorId},MessagingProvider.Commands.{command}", category);
    }

    [Fact]
    public void OneBadDomainInABatchDoesNotStopTheOthers()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        RunResult result = session.Run("'a.contoso.com', 'bad domain', 'b.contoso.com' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'");
        Assert.Equal("InvalidDomainName,MessagingProvider.Commands.AddEmailProviderDomainCommand", result.SingleError().FullyQualifiedErrorId);
        Assert.Equal("a.contoso.com>Contoso IMAP,b.contoso.com>Contoso IMAP", Table(session));
    }
}

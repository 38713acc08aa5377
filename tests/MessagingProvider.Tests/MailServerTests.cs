using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class MailServerTests
{
    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void ImapSmtpServerGetsDefaultsAndKeepsWhatWasGiven()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        PSObject server = session.Run("Get-MailServer -IdentityStore Contoso -Name 'contoso imap'").Single();
        Assert.Equal("MessagingProvider.Output.MailServerInfo", server.TypeNames[0]);
        Assert.Equal("ImapSmtp", Prop(server, "ServiceType")!.ToString());
        Assert.Equal("mail.contoso.com", Prop(server, "ImapHost"));
        Assert.Equal(993, Prop(server, "ImapPort"));
        Assert.Equal("Tls", Prop(server, "ImapTls")!.ToString());
        Assert.Equal(587, Prop(server, "SmtpPort"));
        Assert.Equal("StartTls", Prop(server, "SmtpTls")!.ToString());
        Assert.Equal("MailboxName", Prop(server, "LoginFormat")!.ToString());
        Assert.Equal(true, Prop(server, "Receive"));
        Assert.Equal(true, Prop(server, "Send"));

        PSObject exchange = session.Run("Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS'").Single();
        Assert.Null(Prop(exchange, "ImapPort"));
        Assert.Equal(false, Prop(exchange, "Send"));
        Assert.Equal(2, session.Run("Get-MailServer -IdentityStore Contoso").ThrowIfErrors().Output.Count);
    }

    [Fact]
    public void OAuthClientSecretIsStoredProtectedAndShownMasked()
    {
        using var session = new ModuleSession();
        PSObject server = session.Run(Scripts.Credential + @"
            $null = New-IdentityStore -Name Contoso
            New-MailServer -IdentityStore Contoso -Name Graph -ServiceType MicrosoftGraph -Receive -Send -Authentication OAuth2 -ClientId 11111111-2222-3333-4444-555555555555 -ClientSecret (secure 'Gr@ph-Secret-987')").Single();
        Assert.Equal("graph.microsoft.com", Prop(server, "ServiceAddress"));
        Assert.Equal("********", Prop(server, "ClientSecret"));
        Assert.Equal("11111111-2222-3333-4444-555555555555", Prop(server, "ClientId"));
        string stored = string.Concat(Directory.GetFiles(session.ConfigDirectory, "*.json").Select(File.ReadAllText));
        Assert.DoesNotContain("Gr@ph-Secret-987", stored);
        Assert.Contains("clientSecret", stored);

        session.Run("Set-MailServer -IdentityStore Contoso -Name Graph -Authentication Basic").ThrowIfErrors();
        PSObject basic = session.Run("Get-MailServer -IdentityStore Contoso -Name Graph").Single();
        Assert.Null(Prop(basic, "ClientSecret"));
        Assert.Null(Prop(basic, "ClientId"));
    }

    [Fact]
    public void SetChangesOnlyWhatIsGivenAndDefaultPortsFollowTheTlsMode()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        PSObject changed = session.Run("Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Set-MailServer -ImapTls StartTls -SmtpPort 2525 -Send:$false -PassThru").Single();
        Assert.Equal(143, Prop(changed, "ImapPort"));
        Assert.Equal(2525, Prop(changed, "SmtpPort"));
        Assert.Equal(false, Prop(changed, "Send"));
        Assert.Equal(true, Prop(changed, "Receive"));
        Assert.Equal("MailboxName", Prop(changed, "LoginFormat")!.ToString());

        session.Run("Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceAddress imap.contoso.com -WhatIf").ThrowIfErrors();
        Assert.Equal("mail.contoso.com", Prop(session.Run("Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP'").Single(), "ServiceAddress"));
    }

    [Theory]
    [InlineData("New-MailServer -IdentityStore Contoso -Name Lazy -ServiceType ImapSmtp -ServiceAddress mail.lazy.com", "MailServerNeedsReceiveOrSend", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Set-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' -Receive:$false", "MailServerNeedsReceiveOrSend", "SetMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name 'contoso imap' -ServiceType ImapSmtp -ServiceAddress x.contoso.com -Receive", "MailServerAlreadyExists", "NewMailServerCommand", ErrorCategory.ResourceExists)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name O365 -ServiceType Exchange -ServiceAddress outlook.office365.com -Receive -Authentication OAuth2 -ClientId abc", "MailServerSettingsIncomplete", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name Ews -ServiceType Exchange -Receive", "MailServerSettingsIncomplete", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name Ews -ServiceType Exchange -ServiceAddress ews.contoso.com -Receive -ClientId abc", "ParameterNotValidForMailServer", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name Ews -ServiceType Exchange -ServiceAddress ews.contoso.com -Receive -ImapPort 993", "ParameterNotValidForMailServer", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name 'Bad*' -ServiceType ImapSmtp -ServiceAddress mail.contoso.com -Receive", "InvalidMailServerName", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("New-MailServer -IdentityStore Contoso -Name Bad -ServiceType ImapSmtp -ServiceAddress 'not a host' -Receive", "InvalidServerName", "NewMailServerCommand", ErrorCategory.InvalidArgument)]
    [InlineData("Set-MailServer -IdentityStore Contoso -Name Nowhere -Send", "MailServerNotFound", "SetMailServerCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Get-MailServer -IdentityStore Contoso -Name Nowhere", "MailServerNotFound", "GetMailServerCommand", ErrorCategory.ObjectNotFound)]
    [InlineData("Remove-MailServer -IdentityStore Contoso -Name Nowhere -Confirm:$false", "MailServerNotFound", "RemoveMailServerCommand", ErrorCategory.ObjectNotFound)]
    public void BadInputIsASpecificErrorAndChangesNothing(string script, string errorId, string command, ErrorCategory category)
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        session.RunRefused(script, $"{errorId},MessagingProvider.Commands.{command}", category);
    }

    [Fact]
    public void RemoveRefusesWhileAccountsOrDomainsUseTheServerAndNamesThem()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains + @"
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Password (secure 'Anna-P@ss-1')
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.net -Password (secure 'Ben-P@ss-1')").ThrowIfErrors();
        var before = session.Snapshot();
        ErrorRecord error = session.Run("Remove-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -Confirm:$false").SingleError();
        Assert.Equal("MailServerInUse,MessagingProvider.Commands.RemoveMailServerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        foreach (string name in new[] { "anna@contoso.com", "ben@contoso.net", "contoso.com", "contoso.net", "Remove-MailAccount", "Remove-EmailProviderDomain" })
        {
            Assert.Contains(name, error.Exception.Message);
        }

        ModuleSession.AssertUnchanged(before, session.Snapshot());

        session.Run(@"
            Get-MailAccount -IdentityStore Contoso -MailServer 'Contoso IMAP' | Remove-MailAccount -Confirm:$false
            Get-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP' | Remove-EmailProviderDomain -Confirm:$false
            Remove-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -WhatIf").ThrowIfErrors();
        Assert.Equal(2, session.Run("Get-MailServer -IdentityStore Contoso").ThrowIfErrors().Output.Count);
        session.Run("Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Remove-MailServer -Confirm:$false").ThrowIfErrors();
        Assert.Equal("Fabrikam EWS", Prop(session.Run("Get-MailServer -IdentityStore Contoso").Single(), "Name"));
    }

    [Fact]
    public void CreatingCommandsHonourWhatIf()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Domains).ThrowIfErrors();
        var before = session.Snapshot();
        RunResult run = session.Run(Scripts.Credential + @"
            New-MailServer -IdentityStore Contoso -Name Extra -ServiceType ImapSmtp -ServiceAddress extra.contoso.com -Receive -WhatIf
            Add-EmailProviderDomain -IdentityStore Contoso -Domain extra.com -MailServer 'Contoso IMAP' -WhatIf
            New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Password (secure 'P@ss-1') -WhatIf").ThrowIfErrors();
        Assert.Empty(run.Output);
        ModuleSession.AssertUnchanged(before, session.Snapshot());
    }

    [Fact]
    public void MailServerNamesCompleteFromTheStoreOnTheCommandLine()
    {
        using var session = new ModuleSession();
        session.Run(MailScripts.Servers).ThrowIfErrors();
        string[] Complete(string input) => session.Run("[System.Management.Automation.CommandCompletion]::CompleteInput($args[0], $args[0].Length, $null).CompletionMatches.CompletionText", input)
            .ThrowIfErrors().Output.Select(o => o.BaseObject.ToString()!).ToArray();

        Assert.Equal(new[] { "'Contoso IMAP'", "'Fabrikam EWS'" }, Complete("Get-MailServer -IdentityStore Contoso -Name "));
        Assert.Equal(new[] { "'Fabrikam EWS'" }, Complete("New-MailAccount -IdentityStore Contoso -EmailAddress a@b.com -MailServer fa"));
        Assert.Equal(new[] { "'Contoso IMAP'" }, Complete("Add-EmailProviderDomain -IdentityStore Contoso -Domain x.com -MailServer Con"));
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

public sealed class MessagingProviderTests
{
    [Fact]
    public void ExchangeSettingsAreStoredAndShownMasked()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.Credential + @"
            $null = New-IdentityStore -Name Contoso
            Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Version SE -Domain contoso.com -Credential $cred `
                -Server exch01.contoso.com -Deployment Hybrid -Authentication Negotiate -UseSsl -CreateMethod New `
                -ExcludedSmtpDomain legacy.contoso.com -Confirm:$false").ThrowIfErrors();

        PSObject info = session.Run("Get-MessagingProvider -IdentityStore Contoso").Single();
        Assert.Equal("MessagingProvider.Output.ExchangeProviderInfo", info.TypeNames[0]);
        Assert.Contains("MessagingProvider.Output.MessagingProviderInfo", info.TypeNames);
        Assert.Equal("SE", info.Properties["Version"].Value);
        Assert.Equal("CONTOSO\\svc-mp", info.Properties["UserName"].Value);
        Assert.Equal("********", info.Properties["Password"].Value);
        Assert.Equal("Hybrid", info.Properties["Deployment"].Value.ToString());
        Assert.Equal("Negotiate", info.Properties["Authentication"].Value.ToString());
        Assert.Equal(true, info.Properties["UseSsl"].Value);
        Assert.Equal("New", info.Properties["CreateMethod"].Value.ToString());
        Assert.Equal(new[] { "legacy.contoso.com" }, (string[])info.Properties["ExcludedSmtpDomain"].Value);
        foreach (string file in Directory.GetFiles(session.ConfigDirectory, "*", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("Exch-P@ss-123", File.ReadAllText(file));
        }
    }

    [Fact]
    public void VerboseOutputNeverShowsASecret()
    {
        using var session = new ModuleSession();
        RunResult result = session.Run(Scripts.Credential + @"
            $null = New-IdentityStore -Name Contoso -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $cred -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (secure 'cl1ent-secret-9') -Force -Verbose -Debug").ThrowIfErrors();
        Assert.NotEmpty(result.Verbose);
        Assert.All(result.Verbose, v => Assert.DoesNotContain("Exch-P@ss-123", v));
        Assert.All(result.Verbose, v => Assert.DoesNotContain("cl1ent-secret-9", v));
    }

    [Fact]
    public void PassThruReturnsTheResultAndWithoutItNothing()
    {
        using var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Contoso").ThrowIfErrors();
        Assert.Empty(session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain googlegroups.com").ThrowIfErrors().Output);
        PSObject info = session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Other -MaximumAliasLength 20 -PassThru").Single();
        Assert.Equal("MessagingProvider.Output.OtherProviderInfo", info.TypeNames[0]);
        Assert.Equal("googlegroups.com", info.Properties["Domain"].Value);
        Assert.Equal(20, info.Properties["MaximumAliasLength"].Value);
    }

    [Fact]
    public void Office365WithClientSecretAndCertificate()
    {
        using var session = new ModuleSession();
        string pfx = TestFiles.Pfx(session.ConfigDirectory + "-files", "mp-o365", "pfx-pass", DateTimeOffset.UtcNow.AddDays(10));
        RunResult result = session.Run(Scripts.Credential + @"
            $null = New-IdentityStore -Name Cloud
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com `
                -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
                -ClientSecret (secure 'cl1ent-secret') -CertificatePath $args[0] -CertificatePassword (secure 'pfx-pass') -PassThru",
            pfx).ThrowIfErrors();

        PSObject info = Assert.Single(result.Output);
        Assert.Equal("MessagingProvider.Output.Office365ProviderInfo", info.TypeNames[0]);
        Assert.Equal("USGovGCCHigh", info.Properties["Cloud"].Value.ToString());
        Assert.Equal("********", info.Properties["ClientSecret"].Value);
        var certificate = PSObject.AsPSObject(info.Properties["Certificate"].Value);
        Assert.Equal("CN=mp-o365", certificate.Properties["Subject"].Value);
        Assert.Equal(40, ((string)certificate.Properties["Thumbprint"].Value).Length);
        // Expires in 10 days: the user is warned.
        Assert.Contains(result.Warnings, w => w.Contains("expires") && w.Contains("30 days"));
    }

    [Fact]
    public void Office365EndpointOverridesAreStoredAndCanBeRemoved()
    {
        using var session = new ModuleSession();
        PSObject info = session.Run(Scripts.Credential + @"
            $null = New-IdentityStore -Name Cloud
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud China -Domain contoso.com `
                -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
                -ClientSecret (secure 'cl1ent-secret') -AuthorityHost https://127.0.0.1:5443 `
                -ExchangeOnlineEndpoint https://127.0.0.1:5444/ -PassThru").Single();
        Assert.Equal("https://127.0.0.1:5443/", info.Properties["AuthorityHost"].Value);
        Assert.Equal("https://127.0.0.1:5444/", info.Properties["ExchangeOnlineEndpoint"].Value);
        Assert.Equal("https://microsoftgraph.chinacloudapi.cn/", info.Properties["GraphEndpoint"].Value);
        Assert.Equal("smtp.partner.outlook.cn", info.Properties["SmtpHost"].Value);
        Assert.Equal(true, info.Properties["EndpointsOverridden"].Value);

        info = session.Run("Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -AuthorityHost '' -ExchangeOnlineEndpoint '' -PassThru").Single();
        Assert.Equal("https://login.chinacloudapi.cn/", info.Properties["AuthorityHost"].Value);
        Assert.Equal("https://partner.outlook.cn/", info.Properties["ExchangeOnlineEndpoint"].Value);
        Assert.Equal(false, info.Properties["EndpointsOverridden"].Value);
    }

    [Fact]
    public void WrongCertificatePasswordChangesNothing()
    {
        using var session = new ModuleSession();
        string pfx = TestFiles.Pfx(session.ConfigDirectory + "-files", "mp-o365", "right", DateTimeOffset.UtcNow.AddYears(1));
        session.Run("$null = New-IdentityStore -Name Cloud; Set-MessagingProvider -IdentityStore Cloud -Provider Other -Domain example.com").ThrowIfErrors();
        var before = session.Snapshot();

        ErrorRecord error = session.Run(Scripts.Credential + @"
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -CertificatePath $args[0] -CertificatePassword (secure 'wrong') -Force",
            pfx).SingleError();
        Assert.Equal("CertificatePasswordIncorrect,MessagingProvider.Commands.SetMessagingProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        ModuleSession.AssertUnchanged(before, session.Snapshot());
    }

    [Fact]
    public void GoogleWorkspaceWithJsonKey()
    {
        using var session = new ModuleSession();
        string key = TestFiles.GoogleJsonKey(session.ConfigDirectory + "-files", "mp@contoso-mail.iam.gserviceaccount.com");
        PSObject info = session.Run(@"
            $null = New-IdentityStore -Name G
            Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $args[0] -PassThru",
            key).Single();
        Assert.Equal("MessagingProvider.Output.GoogleWorkspaceProviderInfo", info.TypeNames[0]);
        Assert.Equal("mp@contoso-mail.iam.gserviceaccount.com", info.Properties["ServiceAccount"].Value);
        Assert.Equal("Json", info.Properties["KeyType"].Value.ToString());
        Assert.Equal("********", info.Properties["Key"].Value);
        Assert.Equal("https://oauth2.googleapis.com/token", info.Properties["TokenEndpoint"].Value);
        Assert.Equal("https://admin.googleapis.com/", info.Properties["DirectoryApiEndpoint"].Value);

        info = session.Run("Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -TokenEndpoint https://127.0.0.1:5443/token -DirectoryApiEndpoint https://127.0.0.1:5444 -PassThru").Single();
        Assert.Equal("https://127.0.0.1:5443/token", info.Properties["TokenEndpoint"].Value);
        Assert.Equal("https://127.0.0.1:5444/", info.Properties["DirectoryApiEndpoint"].Value);
    }

    [Fact]
    public void KeyFileThatDoesNotLoadIsRefused()
    {
        using var session = new ModuleSession();
        string dir = session.ConfigDirectory + "-files";
        Directory.CreateDirectory(dir);
        string bogus = Path.Combine(dir, "key.p12");
        File.WriteAllText(bogus, "this is not a key");
        session.Run("$null = New-IdentityStore -Name G").ThrowIfErrors();

        ErrorRecord error = session.Run("Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -ServiceAccount a@b.com -AdminUser admin@contoso.com -KeyPath $args[0]", bogus).SingleError();
        Assert.Equal("CertificateFileInvalid,MessagingProvider.Commands.SetMessagingProviderCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidData, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("-Provider Other -Domain 'not a domain'", "InvalidDomainName", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Other -Domain example.com -AliasPattern '[a-z'", "InvalidAliasPattern", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Other -Domain example.com -MaximumAliasLength 500", "InvalidMaximumAliasLength", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Other -Domain example.com -Version 2019", "ParameterNotValidForProvider", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider None -Domain example.com", "ParameterNotValidForProvider", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Exchange -Domain contoso.com", "ProviderSettingsIncomplete", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId nope", "InvalidApplicationId", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret ([System.Net.NetworkCredential]::new('', 's').SecurePassword) -GraphEndpoint http://127.0.0.1:1", "InvalidEndpoint", ErrorCategory.InvalidArgument)]
    [InlineData("-Provider Other -Domain example.com -AuthorityHost https://127.0.0.1:1", "ParameterNotValidForProvider", ErrorCategory.InvalidArgument)]
    public void BadInputIsASpecificErrorAndChangesNothing(string arguments, string errorId, ErrorCategory category)
    {
        using var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Contoso; Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain keep.example.com -AliasPattern '[a-z]+'").ThrowIfErrors();

        session.RunRefused("Set-MessagingProvider -IdentityStore Contoso -Force " + arguments, errorId + ",MessagingProvider.Commands.SetMessagingProviderCommand", category);
    }

    [Fact]
    public void UnknownIdentityStoreIsAnError()
    {
        using var session = new ModuleSession();
        ErrorRecord error = session.Run("Set-MessagingProvider -IdentityStore Nowhere -Provider None").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.SetMessagingProviderCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void ChangingProviderWithWhatIfChangesNothing()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore).ThrowIfErrors();
        var before = session.Snapshot();
        session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider None -WhatIf").ThrowIfErrors();
        ModuleSession.AssertUnchanged(before, session.Snapshot());
    }

    [Fact]
    public void ChangingProviderAsksForConfirmationAndForceSkipsIt()
    {
        using var session = new ModuleSession();
        session.Run(Scripts.ExchangeStore).ThrowIfErrors();
        var before = session.Snapshot();

        // The hosted engine has no interactive host: the confirmation cannot be answered, so nothing changes.
        RunResult refused = session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider None");
        ErrorRecord prompt = Assert.Single(refused.Errors);
        Assert.StartsWith("HostFunctionNotImplemented,", prompt.FullyQualifiedErrorId);
        Assert.Contains("Exchange settings of identity store 'Contoso'", prompt.Exception.Message);
        ModuleSession.AssertUnchanged(before, session.Snapshot());

        session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider None -Force").ThrowIfErrors();
        PSObject info = session.Run("Get-MessagingProvider -IdentityStore Contoso").Single();
        Assert.Equal("MessagingProvider.Output.MessagingProviderInfo", info.TypeNames[0]);
        Assert.Equal("None", info.Properties["Provider"].Value.ToString());
    }

    [Fact]
    public void IdentityStoreObjectsFlowIntoProviderCmdlets()
    {
        using var session = new ModuleSession();
        session.Run("'A', 'B' | New-IdentityStore | Set-MessagingProvider -Provider Other -Domain example.com").ThrowIfErrors();
        var providers = session.Run("Get-IdentityStore | Get-MessagingProvider").ThrowIfErrors().Output;
        Assert.Equal(new[] { "A", "B" }, providers.Select(p => (string)p.Properties["IdentityStore"].Value));
        Assert.All(providers, p => Assert.Equal("Other", p.Properties["Provider"].Value.ToString()));
    }

    [Fact]
    public void GetWithoutIdentityStoreListsEveryStore()
    {
        using var session = new ModuleSession();
        session.Run("'A', 'B', 'C' | New-IdentityStore").ThrowIfErrors();
        Assert.Equal(3, session.Run("Get-MessagingProvider").ThrowIfErrors().Output.Count);
    }
}

using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Help;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// The mail-enabled object cmdlets with the Office 365 and Google Workspace providers, inside the
/// hosted engine against the HTTPS stand-ins (their certificate trusted for this user while a
/// test runs; the module validates TLS the production way).
/// </summary>
public sealed class CloudMailEnabledObjectTests : IDisposable
{
    private const string AppId = "6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10";
    private readonly CloudStandIns _cloud = CloudStandIns.Start();

    private EntraStandIn Entra => _cloud.Entra;

    private ExchangeOnlineStandIn ExchangeOnline => _cloud.ExchangeOnline;

    private GoogleStandIn Google => _cloud.Google;

    public void Dispose() => _cloud.Dispose();

    [Fact]
    public void NewMailEnabledGroupCreatesTheGroupInExchangeOnlineAndWarnsAboutMembership()
    {
        using var session = Office365Session();

        RunResult run = session.Run("New-MailEnabledGroup -IdentityStore Cloud -Name 'Project X' -Alias projectx -DisplayName 'Project X team' -Verbose").ThrowIfErrors();

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("MessagingProvider.Output.MailEnabledObjectResult", result.TypeNames[0]);
        Assert.Equal("projectx@contoso.com", result.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal("Office365", result.Properties["Provider"].Value.ToString());
        Assert.Equal("New-DistributionGroup", result.Properties["Command"].Value);
        Assert.Equal("MailUniversalDistributionGroup", result.Properties["RecipientTypeDetails"].Value);

        JsonObject sent = Assert.Single(ExchangeOnline.Requests);
        Assert.Equal("New-DistributionGroup", sent["CmdletName"]!.GetValue<string>());
        JsonObject parameters = sent["Parameters"]!.AsObject();
        Assert.Equal(new[] { "Alias", "DisplayName", "Name", "PrimarySmtpAddress" }, parameters.Select(p => p.Key).OrderBy(k => k));
        Assert.Equal("Project X", parameters["Name"]!.GetValue<string>());
        Assert.Equal("projectx", parameters["Alias"]!.GetValue<string>());
        Assert.Equal("Project X team", parameters["DisplayName"]!.GetValue<string>());
        Assert.Equal("projectx@contoso.com", parameters["PrimarySmtpAddress"]!.GetValue<string>());

        Assert.Contains("The group 'Project X' was created without an owner.", run.Warnings);
        Assert.Contains(run.Warnings, w => w.Contains("does not populate the membership of groups in Office 365") && w.Contains("Microsoft Entra Connect"));
        Assert.Contains(run.Verbose, v => v.Contains("New-DistributionGroup at " + ExchangeOnline.Endpoint));
        Assert.All(run.Verbose, v => Assert.DoesNotContain(Entra.ClientSecret, v));
    }

    [Theory]
    [InlineData("Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales EMEA,OU=Groups,DC=contoso,DC=com'", "New-DistributionGroup", "Sales EMEA", "SalesEMEA@contoso.com")]
    [InlineData("New-MailEnabledContact -IdentityStore Cloud -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com", "New-MailContact", "Pat Lee", "pat@fabrikam.com")]
    [InlineData("Enable-MailEnabledContact -IdentityStore Cloud -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com", "New-MailContact", "Kim Ito", "kim@fabrikam.com")]
    [InlineData("Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Bob Jones,OU=Users,DC=contoso,DC=com' -Alias bjones -ExternalEmailAddress bob@fabrikam.com", "New-MailUser", "Bob Jones", "bjones@contoso.com")]
    public void TheCloudObjectIsCreatedUnderItsDirectoryName(string command, string cmdlet, string name, string primary)
    {
        using var session = Office365Session();

        PSObject result = session.Run(command + " -WarningAction SilentlyContinue").Single();

        Assert.Equal(primary, result.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(cmdlet, result.Properties["Command"].Value);
        JsonObject sent = Assert.Single(ExchangeOnline.Requests);
        Assert.Equal(cmdlet, sent["CmdletName"]!.GetValue<string>());
        Assert.Equal(name, sent["Parameters"]!["Name"]!.GetValue<string>());
        Assert.Equal(name, ExchangeOnline.Recipients[name]["Name"]!.GetValue<string>());
    }

    [Fact]
    public void WhatIfSendsNothing()
    {
        using var session = Office365Session();

        RunResult run = session.Run("'A', 'B' | New-MailEnabledGroup -IdentityStore Cloud -WhatIf; Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales,DC=contoso,DC=com' -WhatIf").ThrowIfErrors();

        Assert.Empty(run.Output);
        Assert.Equal(0, ExchangeOnline.HttpRequests);
        Assert.Equal(0, Entra.TokenRequests);
    }

    [Fact]
    public void APipelineOfThreeGroupsAndTheNextCommandUseOneToken()
    {
        using var session = Office365Session();

        RunResult run = session.Run("'Alpha', 'Beta', 'Gamma' | New-MailEnabledGroup -IdentityStore Cloud").ThrowIfErrors();

        Assert.Equal(new[] { "Alpha@contoso.com", "Beta@contoso.com", "Gamma@contoso.com" }, run.Output.Select(o => (string)o.Properties["PrimarySmtpAddress"].Value));
        Assert.Equal(3, ExchangeOnline.Requests.Count);
        Assert.Equal(1, Entra.TokenRequests);

        // The next command of the session signs in no more.
        session.Run("New-MailEnabledGroup -IdentityStore Cloud -Name Delta").ThrowIfErrors();
        Assert.Equal(4, ExchangeOnline.Requests.Count);
        Assert.Equal(1, Entra.TokenRequests);
    }

    [Fact]
    public void SetRecipientEmailAddressInExchangeOnline()
    {
        using var session = Office365Session();
        session.Run("New-MailEnabledGroup -IdentityStore Cloud -Name Sales -Alias sales -WarningAction SilentlyContinue").ThrowIfErrors();

        PSObject update = session.Run("Set-RecipientEmailAddress -IdentityStore Cloud -Identity Sales -EmailAddress sales@contoso.com, vertrieb@contoso.com -PrimarySmtpAddress sales@contoso.com").Single();

        Assert.Equal(new[] { "smtp:vertrieb@contoso.com", "SMTP:sales@contoso.com" }, (string[])update.Properties["EmailAddresses"].Value);
        JsonObject set = ExchangeOnline.Requests.Last();
        Assert.Equal("Set-DistributionGroup", set["CmdletName"]!.GetValue<string>());
        Assert.Equal(new[] { "EmailAddresses", "Identity" }, set["Parameters"]!.AsObject().Select(p => p.Key).OrderBy(k => k));
        Assert.Equal(new[] { "smtp:vertrieb@contoso.com", "SMTP:sales@contoso.com" }, ExchangeOnline.Recipients["Sales"]["EmailAddresses"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public void SetRecipientEmailAddressOfAnUnknownRecipientIsRecipientNotFound()
    {
        using var session = Office365Session();

        ErrorRecord error = session.Run("Set-RecipientEmailAddress -IdentityStore Cloud -Identity nobody -EmailAddress nobody@contoso.com").SingleError();

        Assert.Equal("RecipientNotFound,MessagingProvider.Commands.SetRecipientEmailAddressCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
    }

    [Theory]
    [InlineData("Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Dee,DC=contoso,DC=com'", "ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand")]
    [InlineData("New-MailEnabledUser -IdentityStore Cloud -Name Dee -WhatIf", "ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand")]
    [InlineData("New-MailEnabledGroup -IdentityStore Cloud -Name Dee -OrganizationalUnit 'contoso.com/Groups'", "OrganizationalUnitNotSupported,MessagingProvider.Commands.NewMailEnabledGroupCommand")]
    public void WhatExchangeOnlineCannotDoIsRefusedBeforeAnythingIsSent(string command, string errorId)
    {
        using var session = Office365Session();

        ErrorRecord error = session.Run(command).SingleError();

        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
        Assert.Equal(0, ExchangeOnline.HttpRequests);
    }

    [Fact]
    public void StoppingTheCommandWhileExchangeOnlineThrottlesEndsTheWait()
    {
        using var session = Office365Session();
        ExchangeOnline.Throttle(1, 429, retryAfterSeconds: 60);

        session.StopWhenStarted(ps => ps.AddCommand("New-MailEnabledGroup").AddParameter("IdentityStore", "Cloud").AddParameter("Name", "Sales"), () => ExchangeOnline.HttpRequests == 1);

        Assert.Equal(1, ExchangeOnline.HttpRequests);
        Assert.Empty(ExchangeOnline.Groups);
    }

    [Fact]
    public void NewMailEnabledGroupCreatesTheGoogleGroupInTheStoresDomain()
    {
        using var session = GoogleSession();

        RunResult run = session.Run("New-MailEnabledGroup -IdentityStore G -Name 'Project X' -Alias projectx -Verbose").ThrowIfErrors();

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("projectx@contoso.com", result.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal("GoogleWorkspace", result.Properties["Provider"].Value.ToString());
        Assert.Equal("groups.insert", result.Properties["Command"].Value);
        Assert.Equal("Project X", Google.Groups["projectx@contoso.com"]["name"]!.GetValue<string>());
        Assert.Contains(run.Verbose, v => v.Contains("Insert group projectx@contoso.com"));
        Assert.Empty(run.Warnings);
    }

    [Fact]
    public void AGoogleAddressThatExistsIsGoogleGroupExists()
    {
        using var session = GoogleSession();

        ErrorRecord error = session.Run("New-MailEnabledGroup -IdentityStore G -Name 'Alice fans' -Alias alice").SingleError();

        Assert.Equal("GoogleGroupExists,MessagingProvider.Commands.NewMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Empty(Google.Groups);
    }

    [Theory]
    [InlineData("New-MailEnabledUser -IdentityStore G -Name Dee", "GoogleUserNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand")]
    [InlineData("Enable-MailEnabledUser -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com", "GoogleUserNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand")]
    [InlineData("New-MailEnabledContact -IdentityStore G -Name Dee -ExternalEmailAddress dee@fabrikam.com", "GoogleContactNotSupported,MessagingProvider.Commands.NewMailEnabledContactCommand")]
    [InlineData("Enable-MailEnabledContact -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com -WhatIf", "GoogleContactNotSupported,MessagingProvider.Commands.EnableMailEnabledContactCommand")]
    public void GoogleUsersAndContactsAreNotSupported(string command, string errorId)
    {
        using var session = GoogleSession();

        ErrorRecord error = session.Run(command).SingleError();

        Assert.Equal(errorId, error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
        Assert.Equal(0, Google.ApiRequests);
    }

    [Fact]
    public void SetRecipientEmailAddressSetsGoogleAliases()
    {
        using var session = GoogleSession();

        PSObject update = session.Run("Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com, alice.smith@contoso.com -PrimarySmtpAddress alice@contoso.com").Single();
        RunResult whatIf = session.Run("Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com -PrimarySmtpAddress alice@contoso.com -WhatIf").ThrowIfErrors();

        Assert.Equal("alice@contoso.com", update.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(new[] { "alice.smith@contoso.com" }, Google.AliasesOf("alice@contoso.com"));
        Assert.Single(whatIf.Output);
        Assert.Equal(new[] { "alice.smith@contoso.com" }, Google.AliasesOf("alice@contoso.com"));
    }

    [Fact]
    public void AnotherGooglePrimaryAddressIsRefused()
    {
        using var session = GoogleSession();

        ErrorRecord error = session.Run("Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress SMTP:a@contoso.com, alice@contoso.com").SingleError();

        Assert.Equal("GooglePrimaryAddressChangeNotSupported,MessagingProvider.Commands.SetRecipientEmailAddressCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.NotImplemented, error.CategoryInfo.Category);
        Assert.Empty(Google.AliasesOf("alice@contoso.com"));
    }

    private ModuleSession Office365Session()
    {
        var session = new ModuleSession();
        session.Run(Scripts.Credential + $@"
            $null = New-IdentityStore -Name Cloud
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization {Entra.Tenant} `
                -ApplicationId {AppId} -ClientSecret (secure $args[2]) -AuthorityHost $args[0] -ExchangeOnlineEndpoint $args[1]",
            Entra.AuthorityHost.ToString(), ExchangeOnline.Endpoint.ToString(), Entra.ClientSecret).ThrowIfErrors();
        return session;
    }

    private ModuleSession GoogleSession()
    {
        var session = new ModuleSession();
        session.Run(@"
            $null = New-IdentityStore -Name G
            Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $args[0] `
                -TokenEndpoint $args[1] -DirectoryApiEndpoint $args[2]",
            _cloud.GoogleKeyPath, Google.TokenEndpoint.ToString(), Google.DirectoryApi.ToString()).ThrowIfErrors();
        return session;
    }
}

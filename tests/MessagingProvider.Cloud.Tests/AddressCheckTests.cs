using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Cloud.Tests;

/// <summary>The address checks of the Office 365 provider against the Exchange Online stand-in.</summary>
public sealed class ExchangeOnlineAddressCheckTests : Office365StandInTest
{
    [Fact]
    public async Task ACreateIsRefusedBeforeItIsSentWhenTheAddressIsHeld()
    {
        _exchange.AddRecipient("Sales", "MailUniversalDistributionGroup", "SMTP:sales@contoso.com", "smtp:projectx@contoso.com");
        using IMailEnabledObjectProvider provider = ExchangeOnlineObjectProvider.Create("Cloud", _settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint), _settings.Vault, null, null, TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.ProvisionAsync(
            new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Mode = MailEnabledObjectMode.New, Identity = "Project X" }, "projectx", CancellationToken.None));

        Assert.Equal(ErrorIds.EmailAddressInUse, error.ErrorId);
        Assert.Contains("'Sales'", error.Message);
        Assert.Equal(new[] { "Get-AcceptedDomain", "Get-Recipient" }, _exchange.Requests.Select(r => r["CmdletName"]!.GetValue<string>()));
    }

    [Fact]
    public async Task APrimaryAddressOutsideTheAcceptedDomainsIsRefused()
    {
        using IMailEnabledObjectProvider provider = ExchangeOnlineObjectProvider.Create("Cloud", _settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint), _settings.Vault, null, null, TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.ProvisionAsync(
            new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Mode = MailEnabledObjectMode.New, Identity = "Sales", PrimarySmtpAddress = "sales@fabrikam.com" }, "sales", CancellationToken.None));

        Assert.Equal(ErrorIds.DomainNotAccepted, error.ErrorId);
        Assert.Contains("contoso.onmicrosoft.com", error.Message);
        Assert.Empty(_exchange.Groups);
    }
}

/// <summary>The address checks of the Google Workspace provider against the Google stand-in.</summary>
public sealed class GoogleAddressCheckTests : GoogleStandInTest
{
    [Fact]
    public async Task DomainsAliasesUsersGroupsAndTheirAliasesAreAllLookedAt()
    {
        _google.Domains["contoso.com"] = new[] { "contoso.net" };
        _google.SeedGroup("sales@contoso.com", "Sales");
        using IMailEnabledObjectProvider provider = GoogleMailEnabledObjectProvider.Create("G", P12(), _settings.Vault, _verbose.Add, TestHandlers.Trusting());
        await provider.SetEmailAddressesAsync("alice@contoso.com", new[] { "alice@contoso.com", "alice.s@contoso.com" }, "alice@contoso.com", _ => true, CancellationToken.None);

        var checks = new List<EmailAddressCheck>();
        foreach (string a in new[] { "alice.s@contoso.com", "sales@contoso.com", "free@contoso.net", "x@fabrikam.com" }) checks.Add(await provider.Addresses.CheckAsync(a, CancellationToken.None));

        Assert.Equal(new[] { "alice@contoso.com", "sales@contoso.com", null, null }, checks.Select(c => c.HeldBy));
        Assert.Equal(new[] { true, true, true, false }, checks.Select(c => c.DomainAccepted));
        Assert.Equal(1, _google.DomainListRequests);
    }

    [Fact]
    public async Task WithoutTheDomainScopeTheChecksSayWhatToDelegate()
    {
        _google.DelegatedScopes.Remove(GoogleEndpoints.DomainReadScope);
        using IMailEnabledObjectProvider provider = GoogleMailEnabledObjectProvider.Create("G", P12(), _settings.Vault, _verbose.Add, TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.Addresses.CheckAsync("x@contoso.com", CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleDelegationNotGranted, error.ErrorId);
        Assert.Contains(GoogleEndpoints.DomainReadScope, error.Message);
    }
}

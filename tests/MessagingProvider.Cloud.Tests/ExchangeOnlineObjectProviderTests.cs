using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.Cloud.Tests;

/// <summary>The mail-enabled object provider of an Office 365 store against the Entra ID and Exchange Online stand-ins.</summary>
public sealed class ExchangeOnlineObjectProviderTests : Office365StandInTest
{
    private readonly HttpHandlerFactory _handler = TestHandlers.Trusting();

    public static IEnumerable<object[]> Mappings() => new[]
    {
        new object[] { Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Project X", r => r.DisplayName = "Project X team"),
            "New-DistributionGroup", "Name=Project X;Alias=projectx;DisplayName=Project X team;PrimarySmtpAddress=projectx@contoso.com", "projectx@contoso.com" },
        new object[] { Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.Enable, "CN=Sales Team,OU=Groups,DC=contoso,DC=com"),
            "New-DistributionGroup", "Name=Sales Team;Alias=projectx;PrimarySmtpAddress=projectx@contoso.com", "projectx@contoso.com" },
        new object[] { Request(MailEnabledObjectKind.Contact, MailEnabledObjectMode.New, "Ann Partner", r => { r.ExternalEmailAddress = "ann@fabrikam.com"; r.GivenName = "Ann"; r.Surname = "Partner"; }),
            "New-MailContact", "Name=Ann Partner;Alias=projectx;ExternalEmailAddress=ann@fabrikam.com;FirstName=Ann;LastName=Partner", "ann@fabrikam.com" },
        new object[] { Request(MailEnabledObjectKind.Contact, MailEnabledObjectMode.Enable, "CN=Bo Vendor,OU=Contacts,DC=contoso,DC=com", r => r.ExternalEmailAddress = "bo@fabrikam.com"),
            "New-MailContact", "Name=Bo Vendor;Alias=projectx;ExternalEmailAddress=bo@fabrikam.com", "bo@fabrikam.com" },
        new object[] { Request(MailEnabledObjectKind.User, MailEnabledObjectMode.Enable, "CN=Cy Consultant,OU=Users,DC=contoso,DC=com", r => { r.Name = "Cy Consultant"; r.ExternalEmailAddress = "cy@fabrikam.com"; r.UserType = MailUserType.MailUser; }),
            "New-MailUser", "Name=Cy Consultant;Alias=projectx;ExternalEmailAddress=cy@fabrikam.com;PrimarySmtpAddress=projectx@contoso.com", "projectx@contoso.com" },
    };

    [Theory]
    [MemberData(nameof(Mappings))]
    public async Task EachRequestRunsItsExchangeOnlineCmdlet(MailEnabledObjectRequest request, string cmdlet, string parameters, string primary)
    {
        using IMailEnabledObjectProvider provider = Provider();

        MailEnabledObjectResult result = await provider.ProvisionAsync(request, "projectx", CancellationToken.None);

        JsonObject sent = Assert.Single(_exchange.Requests);
        Assert.Equal(cmdlet, sent["CmdletName"]!.GetValue<string>());
        Assert.Equal(parameters.Split(';').OrderBy(p => p), sent["Parameters"]!.AsObject().Select(p => p.Key + "=" + p.Value!.GetValue<string>()).OrderBy(p => p));
        Assert.Equal(primary, result.PrimarySmtpAddress);
        Assert.Equal(MessagingProviderType.Office365, result.Provider);
        Assert.Equal(cmdlet, result.Command);
        Assert.Equal(_exchange.Endpoint.Host, result.Server);
        Assert.StartsWith(cmdlet + " on Exchange Online (" + _exchange.Endpoint, provider.Describe(request));
    }

    [Fact]
    public async Task ACreatedGroupWarnsThatItsMembershipComesFromDirectorySync()
    {
        using IMailEnabledObjectProvider provider = Provider();

        await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);

        // Exchange Online's own warning first, then the product's.
        Assert.Equal("The group 'Sales' was created without an owner.", _warnings[0]);
        Assert.Contains("does not populate the membership", _warnings[1]);
        Assert.Contains("Microsoft Entra Connect", _warnings[1]);
        Assert.Equal(2, _warnings.Count);
    }

    [Fact]
    public async Task ContactsAndMailUsersGetNoMembershipWarning()
    {
        using IMailEnabledObjectProvider provider = Provider();

        await provider.ProvisionAsync(Request(MailEnabledObjectKind.Contact, MailEnabledObjectMode.New, "Ann", r => r.ExternalEmailAddress = "ann@fabrikam.com"), "ann", CancellationToken.None);

        Assert.Empty(_warnings);
    }

    [Theory]
    [InlineData(MailEnabledObjectMode.New)]
    [InlineData(MailEnabledObjectMode.Enable)]
    public void MailboxesAreRefusedBeforeAnythingIsSent(MailEnabledObjectMode mode)
    {
        using IMailEnabledObjectProvider provider = Provider();
        MailEnabledObjectRequest request = Request(MailEnabledObjectKind.User, mode, "Dee User");

        var error = Assert.Throws<MessagingProviderException>(() => provider.Describe(request));

        Assert.Equal(ErrorIds.ExchangeOnlineMailboxNotSupported, error.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, error.Kind);
        Assert.Contains("Exchange Online license", error.Message);
        Assert.Equal(0, _exchange.HttpRequests);
        Assert.Equal(0, _entra.TokenRequests);
    }

    [Fact]
    public async Task AnOrganizationalUnitIsRefused()
    {
        using IMailEnabledObjectProvider provider = Provider();

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales", r => r.OrganizationalUnit = "contoso.com/Groups"), "sales", CancellationToken.None));

        Assert.Equal(ErrorIds.OrganizationalUnitNotSupported, error.ErrorId);
        Assert.Equal(0, _exchange.HttpRequests);
    }

    [Fact]
    public async Task AnAddressInUseIsExchangeOnlinesError()
    {
        using IMailEnabledObjectProvider provider = Provider();
        await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales 2"), "sales", CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeCommandFailed, error.ErrorId);
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("SMTP:sales@contoso.com", error.Message);
    }

    [Fact]
    public async Task SetEmailAddressesReadsWithGetRecipientAndWritesWithoutAddressPolicy()
    {
        using IMailEnabledObjectProvider provider = Provider();
        await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);

        EmailAddressUpdate update = await provider.SetEmailAddressesAsync("Sales", new[] { "sales@contoso.com", "vertrieb@contoso.com" }, "sales@contoso.com", _ => true, CancellationToken.None);

        Assert.Equal(new[] { "smtp:vertrieb@contoso.com", "SMTP:sales@contoso.com" }, update.EmailAddresses);
        Assert.Equal(_exchange.Endpoint.Host, update.Server);
        JsonObject set = _exchange.Requests.Last();
        Assert.Equal("Set-DistributionGroup", set["CmdletName"]!.GetValue<string>());
        Assert.Equal(new[] { "EmailAddresses", "Identity" }, set["Parameters"]!.AsObject().Select(p => p.Key).OrderBy(k => k));
        Assert.Equal("Get-Recipient", _exchange.Requests[1]["CmdletName"]!.GetValue<string>());
        Assert.Equal(new[] { "smtp:vertrieb@contoso.com", "SMTP:sales@contoso.com" }, _exchange.Recipients["Sales"]["EmailAddresses"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task SetEmailAddressesOfAMailboxUsesSetMailbox()
    {
        _exchange.AddRecipient("Alice", "UserMailbox", "SMTP:alice@contoso.com", "smtp:alice@contoso.onmicrosoft.com");
        using IMailEnabledObjectProvider provider = Provider();

        await provider.SetEmailAddressesAsync("alice@contoso.com", new[] { "SMTP:alice.smith@contoso.com", "alice@contoso.com" }, null, _ => true, CancellationToken.None);

        Assert.Equal("Set-Mailbox", _exchange.Requests.Last()["CmdletName"]!.GetValue<string>());
        Assert.Equal("alice.smith@contoso.com", _exchange.Recipients["Alice"]["PrimarySmtpAddress"]!.GetValue<string>());
    }

    [Fact]
    public async Task DeclinedConfirmationSendsNoSet()
    {
        _exchange.AddRecipient("Alice", "UserMailbox", "SMTP:alice@contoso.com");
        using IMailEnabledObjectProvider provider = Provider();

        EmailAddressUpdate update = await provider.SetEmailAddressesAsync("Alice", new[] { "alice@contoso.com", "a@contoso.com" }, "alice@contoso.com", _ => false, CancellationToken.None);

        Assert.True(update.Changed);
        Assert.Equal("Get-Recipient", Assert.Single(_exchange.Requests)["CmdletName"]!.GetValue<string>());
    }

    [Fact]
    public async Task AnUnknownRecipientIsRecipientNotFound()
    {
        using IMailEnabledObjectProvider provider = Provider();

        MessagingProviderException error = await ProviderAssertions.RecipientNotFoundAsync(provider);

        Assert.Contains("couldn't be found", error.Message);
        Assert.Contains("Mail-enable it first", error.Message);
    }

    [Fact]
    public async Task ThrottlingWithRetryAfterIsWaitedOutOnTheObjectPath()
    {
        _exchange.Throttle(2, 429, retryAfterSeconds: 1);
        using IMailEnabledObjectProvider provider = Provider();

        MailEnabledObjectResult result = await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);

        Assert.Equal("sales@contoso.com", result.PrimarySmtpAddress);
        Assert.Equal(3, _exchange.HttpRequests);
        Assert.Equal(2, _verbose.Count(v => v.Contains("answered 429 to New-DistributionGroup")));
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheRetriesIsExchangeOnlineThrottled()
    {
        _exchange.Throttle(5, 503, retryAfterSeconds: 1);
        using IMailEnabledObjectProvider provider = ExchangeOnlineObjectProvider.Create("Cloud", Settings(), _settings.Vault, _verbose.Add, _warnings.Add, _handler,
            new ExchangeOnlineRetryPolicy { MaximumRetries = 1 });

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeOnlineThrottled, error.ErrorId);
        Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
        Assert.Empty(_exchange.Groups);
    }

    [Fact]
    public async Task OneTokenServesEveryCommandAndTheNextProvider()
    {
        Office365Settings settings = Settings();
        using (IMailEnabledObjectProvider first = Provider(settings))
        {
            foreach (string name in new[] { "A", "B", "C" })
            {
                await first.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, name), name.ToLowerInvariant(), CancellationToken.None);
            }

            await first.SetEmailAddressesAsync("A", new[] { "a@contoso.com", "a2@contoso.com" }, "a@contoso.com", _ => true, CancellationToken.None);
        }

        // The next cmdlet of the session: a new provider, the same token.
        using (IMailEnabledObjectProvider second = Provider(settings))
        {
            await second.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "D"), "d", CancellationToken.None);
        }

        Assert.Equal(6, _exchange.Requests.Count);
        Assert.Equal(1, _entra.TokenRequests);
    }

    [Fact]
    public async Task VerboseNamesTheEndpointAndCommandButNeverTheTokenOrSecret()
    {
        using (IMailEnabledObjectProvider provider = Provider())
        {
            await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);
        }

        Assert.Contains(_verbose, v => v.Contains("New-DistributionGroup") && v.Contains(_exchange.Endpoint.ToString()));
        Assert.Contains(_verbose, v => v.Contains(_entra.ClientId) && v.Contains("client secret"));
        Assert.All(_verbose, v => Assert.DoesNotContain(_entra.ClientSecret, v));
        Assert.All(_verbose, v => Assert.DoesNotContain("eyJ", v));
    }

    /// <summary>
    /// The provider's verbose and warning callbacks come from whatever thread the requests continue
    /// on (the cmdlet's bridge carries them to the pipeline thread), but all of them before the call ends.
    /// </summary>
    [Fact]
    public async Task VerboseAndWarningsAllArriveBeforeTheCallEnds()
    {
        bool ended = false;
        var arrivedAfterEnd = new List<bool>();
        using IMailEnabledObjectProvider provider = ExchangeOnlineObjectProvider.Create("Cloud", Settings(), _settings.Vault,
            _ => { lock (arrivedAfterEnd) arrivedAfterEnd.Add(Volatile.Read(ref ended)); }, _ => { lock (arrivedAfterEnd) arrivedAfterEnd.Add(Volatile.Read(ref ended)); }, _handler);

        await provider.ProvisionAsync(Request(MailEnabledObjectKind.Group, MailEnabledObjectMode.New, "Sales"), "sales", CancellationToken.None);
        Volatile.Write(ref ended, true);

        Assert.True(arrivedAfterEnd.Count >= 4);
        Assert.All(arrivedAfterEnd, after => Assert.False(after));
    }

    private Office365Settings Settings() => _settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint);

    private IMailEnabledObjectProvider Provider(Office365Settings? settings = null) =>
        ExchangeOnlineObjectProvider.Create("Cloud", settings ?? Settings(), _settings.Vault, _verbose.Add, _warnings.Add, _handler);

    private static MailEnabledObjectRequest Request(MailEnabledObjectKind kind, MailEnabledObjectMode mode, string identity, Action<MailEnabledObjectRequest>? details = null)
    {
        // The create path alone: the address checks' reads have their own tests (AddressCheckTests).
        var request = new MailEnabledObjectRequest { Kind = kind, Mode = mode, Identity = identity, Name = mode == MailEnabledObjectMode.New ? identity : null, SkipAddressCheck = true };
        details?.Invoke(request);
        return request;
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.Output;

namespace MessagingProvider.Cloud.Tests;

public sealed class ExchangeOnlineRunnerTests : Office365StandInTest
{
    [Fact]
    public async Task RunsACmdletWithAnAppOnlyTokenAndReturnsItsObjects()
    {
        using ExchangeOnlineCommandRunner runner = Runner();
        IReadOnlyList<PSObject> created = await runner.InvokeAsync("New-DistributionGroup", new Hashtable
        {
            ["Name"] = "Sales",
            ["PrimarySmtpAddress"] = "sales@contoso.com",
            ["Members"] = new[] { "alice@contoso.com", "bob@contoso.com" },
            ["RequireSenderAuthenticationEnabled"] = new SwitchParameter(true),
        }, CancellationToken.None);

        PSObject group = Assert.Single(created);
        Assert.Equal("Sales", group.Properties["Name"].Value);
        Assert.Equal("sales@contoso.com", group.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(2, group.Properties["MemberCount"].Value);
        Assert.Equal(new object[] { "SMTP:sales@contoso.com" }, (object[])group.Properties["EmailAddresses"].Value);
        Assert.Null(group.Properties["EmailAddresses@odata.type"]);
        Assert.Equal(new[] { "The group 'Sales' was created without an owner." }, _warnings);

        JsonObject sent = Assert.Single(_exchange.Requests);
        Assert.Equal("New-DistributionGroup", sent["CmdletName"]!.GetValue<string>());
        Assert.Equal(2, sent["Parameters"]!["Members"]!.AsArray().Count);
        Assert.True(sent["Parameters"]!["RequireSenderAuthenticationEnabled"]!.GetValue<bool>());
        Assert.All(_verbose, v => Assert.DoesNotContain(_entra.ClientSecret, v));
    }

    [Fact]
    public async Task TheRunnerIsUsableThroughTheSharedInterface()
    {
        using ExchangeOnlineCommandRunner runner = Runner();
        IExchangeCommandRunner shared = runner;
        await shared.InvokeAsync("New-DistributionGroup", new Hashtable { ["Name"] = "Support" }, CancellationToken.None);
        PSObject found = Assert.Single((await shared.InvokeAsync("Get-DistributionGroup", new Hashtable { ["Identity"] = "Support" }, CancellationToken.None)));
        Assert.Equal("Support@contoso.com", found.Properties["PrimarySmtpAddress"].Value);
    }

    [Fact]
    public async Task AnExchangeErrorKeepsTheServersMessage()
    {
        using ExchangeOnlineCommandRunner runner = Runner();
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            runner.InvokeAsync("Get-DistributionGroup", new Hashtable { ["Identity"] = "nobody" }, CancellationToken.None));
        Assert.Equal(ErrorIds.ExchangeCommandFailed, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.StartsWith("Get-DistributionGroup: The operation couldn't be performed because object 'nobody' couldn't be found", error.Message);

        await runner.InvokeAsync("New-DistributionGroup", new Hashtable { ["Name"] = "Sales", ["PrimarySmtpAddress"] = "sales@contoso.com" }, CancellationToken.None);
        error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            runner.InvokeAsync("New-DistributionGroup", new Hashtable { ["Name"] = "Sales2", ["PrimarySmtpAddress"] = "sales@contoso.com" }, CancellationToken.None));
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("\"SMTP:sales@contoso.com\" is already being used", error.Message);
    }

    [Theory]
    [InlineData(429)]
    [InlineData(503)]
    public async Task ThrottlingIsRetriedAfterRetryAfter(int status)
    {
        _exchange.Throttle(1, status);
        using ExchangeOnlineCommandRunner runner = Runner();

        IReadOnlyList<PSObject> domains = await runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), CancellationToken.None);

        Assert.Equal(2, domains.Count);
        Assert.Equal(2, _exchange.HttpRequests);
        Assert.Contains(_verbose, v => v.Contains($"answered {status}") && v.Contains("retry 1 of 4 in 1 s"));
    }

    [Fact]
    public async Task ThrottlingBeyondTheRetryLimitIsAnError()
    {
        _exchange.Throttle(10);
        using ExchangeOnlineCommandRunner runner = Runner(new ExchangeOnlineRetryPolicy { MaximumRetries = 1 });

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeOnlineThrottled, error.ErrorId);
        Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
        Assert.Contains("Try again in 1 s", error.Message);
        Assert.Equal(2, _exchange.HttpRequests);
    }

    [Fact]
    public async Task ARetryAfterLongerThanTheLimitIsNotWaitedFor()
    {
        _exchange.Throttle(1);
        using ExchangeOnlineCommandRunner runner = Runner(new ExchangeOnlineRetryPolicy { MaximumDelay = TimeSpan.FromMilliseconds(500) });
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), CancellationToken.None));
        Assert.Equal(ErrorIds.ExchangeOnlineThrottled, error.ErrorId);
        Assert.Equal(1, _exchange.HttpRequests);
    }

    [Fact]
    public async Task LargeResultsAreReadPageByPage()
    {
        using ExchangeOnlineCommandRunner runner = Runner();

        IReadOnlyList<PSObject> recipients = await runner.InvokeAsync("Get-Recipient", new Hashtable { ["ResultSize"] = "Unlimited" }, CancellationToken.None);

        Assert.Equal(2500, recipients.Count);
        Assert.Equal(Enumerable.Range(1, 2500).Select(i => $"user{i:0000}"), recipients.Select(r => (string)r.Properties["Name"].Value));
        Assert.Equal(3, _exchange.HttpRequests);
        Assert.All(_exchange.Requests, r => Assert.Equal("Get-Recipient", r["CmdletName"]!.GetValue<string>()));
    }

    [Theory]
    [InlineData("https://attacker.example/")]
    [InlineData("http://{host}/")]
    [InlineData("https://{hostname}:1/")]
    public async Task TheTokenNeverFollowsANextLinkOutsideTheEndpoint(string nextLinkBase)
    {
        Uri endpoint = _exchange.Endpoint;
        _exchange.NextLinkBase = nextLinkBase.Replace("{host}", endpoint.Authority).Replace("{hostname}", endpoint.Host);
        using ExchangeOnlineCommandRunner runner = Runner();

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            runner.InvokeAsync("Get-Recipient", new Hashtable { ["ResultSize"] = "Unlimited" }, CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeOnlineInvalidResponse, error.ErrorId);
        Assert.Equal(ErrorKind.SecurityError, error.Kind);
        Assert.Contains("the access token is not sent there", error.Message);
        Assert.Equal(1, _exchange.HttpRequests);
    }

    [Fact]
    public async Task ATokenForAnotherResourceIsRefused()
    {
        // The token is real but for Microsoft Graph, not for this Exchange Online endpoint.
        var tokens = new EntraAppTokenSource(_settings.WithSecret(_entra, _entra.ClientSecret), _settings.Vault, TestHandlers.Trusting());
        string graphToken = await tokens.GetAccessTokenAsync("https://graph.microsoft.com/.default", CancellationToken.None);
        using var runner = new ExchangeOnlineCommandRunner(_exchange.Endpoint, _entra.Tenant, new FixedToken(graphToken), TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), CancellationToken.None));

        Assert.Equal(ErrorIds.ExchangeOnlineUnauthorized, error.ErrorId);
        Assert.Contains("Exchange.ManageAsApp", error.Message);
    }

    [Fact]
    public async Task AnAppWithoutAnExchangeRoleIsTold()
    {
        _exchange.AppHasExchangeRole = false;
        using ExchangeOnlineCommandRunner runner = Runner();
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), CancellationToken.None));
        Assert.Equal(ErrorIds.ExchangeOnlinePermissionDenied, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Exchange Administrator", error.Message);
    }

    [Fact]
    public async Task SecretsAreNotSentAsParameters()
    {
        using ExchangeOnlineCommandRunner runner = Runner();
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            runner.InvokeAsync("New-Mailbox", new Hashtable { ["Password"] = Office365TestSettings.Secure("x") }, CancellationToken.None));
        Assert.Equal(ErrorIds.ExchangeParameterNotSupported, error.ErrorId);
        Assert.Equal(0, _exchange.HttpRequests);
    }

    [Fact]
    public async Task CancellationStopsTheWaitForARetry()
    {
        _exchange.Throttle(10);
        using ExchangeOnlineCommandRunner runner = Runner();
        using var cancel = new CancellationTokenSource();
        runner.Verbose = v => { if (v.Contains("retry")) cancel.Cancel(); };
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), cancel.Token));
        Assert.Equal(1, _exchange.HttpRequests);
    }

    [Fact]
    public async Task StatusIsOnlineWhenSignInAndOneCommandSucceed()
    {
        ProviderConnectionInfo status = await ExchangeOnlineStatusProbe.CheckAsync("Contoso",
            _settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint), _settings.Vault, TestHandlers.Trusting(), null, CancellationToken.None);
        Assert.Equal(ServerStatus.Online, status.Status);
        Assert.Equal(MessagingProviderType.Office365, status.Provider);
        Assert.Equal(_exchange.Endpoint.ToString(), status.Endpoint);
        Assert.Contains("2 accepted domain(s)", status.Reason);
        Assert.Null(status.ErrorId);
        Assert.Equal("Get-AcceptedDomain", Assert.Single(_exchange.Requests)["CmdletName"]!.GetValue<string>());
    }

    [Fact]
    public async Task StatusIsOfflineWithTheReason()
    {
        ProviderConnectionInfo badSecret = await ExchangeOnlineStatusProbe.CheckAsync("Contoso",
            _settings.WithSecret(_entra, "wrong", _exchange.Endpoint), _settings.Vault, TestHandlers.Trusting(), null, CancellationToken.None);
        Assert.Equal(ServerStatus.Offline, badSecret.Status);
        Assert.Equal(ErrorIds.EntraClientSecretInvalid, badSecret.ErrorId);
        Assert.Contains("AADSTS7000215", badSecret.Reason);

        _exchange.AppHasExchangeRole = false;
        ProviderConnectionInfo noRole = await ExchangeOnlineStatusProbe.CheckAsync("Contoso",
            _settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint), _settings.Vault, TestHandlers.Trusting(), null, CancellationToken.None);
        Assert.Equal(ServerStatus.Offline, noRole.Status);
        Assert.Equal(ErrorIds.ExchangeOnlinePermissionDenied, noRole.ErrorId);
    }

    private ExchangeOnlineCommandRunner Runner(ExchangeOnlineRetryPolicy? retry = null)
    {
        var tokens = new EntraAppTokenSource(_settings.WithSecret(_entra, _entra.ClientSecret, _exchange.Endpoint), _settings.Vault, TestHandlers.Trusting());
        return new ExchangeOnlineCommandRunner(_exchange.Endpoint, _entra.Tenant, tokens, TestHandlers.Trusting(), retry)
        {
            Verbose = _verbose.Add,
            Warning = _warnings.Add,
        };
    }

    private sealed class FixedToken : IAccessTokenSource
    {
        private readonly string _token;
        public FixedToken(string token) => _token = token;
        public Task<string> GetAccessTokenAsync(string scope, CancellationToken cancellationToken) => Task.FromResult(_token);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.Output;

namespace MessagingProvider.Cloud.Tests;

public sealed class GoogleWorkspaceTests : GoogleStandInTest
{
    [Fact]
    public async Task P12KeyImpersonatesTheAdministratorAndCreatesAGroup()
    {
        GoogleWorkspaceSettings settings = _settings.WithP12Key(_google, out RSA publicKey);
        _google.PublicKey = publicKey;
        using GoogleDirectoryClient client = Client(settings);

        DirectoryGroup created = await client.InsertGroupAsync(new DirectoryGroup { Email = "sales@contoso.com", Name = "Sales", Description = "Sales team" }, CancellationToken.None);
        DirectoryGroup read = await client.GetGroupAsync("sales@contoso.com", CancellationToken.None);

        Assert.Equal("sales@contoso.com", created.Email);
        Assert.False(string.IsNullOrEmpty(created.Id));
        Assert.Equal(created.Id, read.Id);
        Assert.Equal("Sales team", read.Description);
        Assert.Equal(0, read.DirectMembersCount);
        SignedJwt assertion = _google.LastAssertion!;
        Assert.Equal("admin@contoso.com", assertion.Claim("sub"));
        Assert.Equal(_google.ServiceAccount, assertion.Claim("iss"));
        Assert.Equal(new[] { GoogleEndpoints.GroupScope, GoogleEndpoints.UserScope, GoogleEndpoints.DomainReadScope }, assertion.Claim("scope")!.Split(' '));
        Assert.Equal(1, _google.TokenRequests);
    }

    [Fact]
    public async Task JsonKeyImpersonatesTheAdministratorAndManagesAliases()
    {
        GoogleWorkspaceSettings settings = _settings.WithJsonKey(_google, out RSA publicKey);
        _google.PublicKey = publicKey;
        using GoogleDirectoryClient client = Client(settings);

        DirectoryAlias added = await client.InsertAliasAsync("alice@contoso.com", "alice.smith@contoso.com", CancellationToken.None);
        IReadOnlyList<DirectoryAlias> aliases = await client.ListAliasesAsync("alice@contoso.com", CancellationToken.None);

        Assert.Equal("alice.smith@contoso.com", added.Alias);
        Assert.Equal("alice@contoso.com", added.PrimaryEmail);
        Assert.Equal(new[] { "alice.smith@contoso.com" }, aliases.Select(a => a.Alias));
        Assert.Equal("0123456789abcdef", _google.LastAssertion!.HeaderValue("kid"));
        Assert.Equal("admin@contoso.com", _google.LastAssertion!.Claim("sub"));
    }

    [Fact]
    public async Task MembersAreAddedAndListedAcrossPages()
    {
        using GoogleDirectoryClient client = Client(P12());
        await client.InsertGroupAsync(new DirectoryGroup { Email = "all@contoso.com", Name = "All" }, CancellationToken.None);
        _google.SeedMembers("all@contoso.com", 450);

        DirectoryMember added = await client.InsertMemberAsync("all@contoso.com", new DirectoryMember { Email = "alice@contoso.com", Role = "OWNER" }, CancellationToken.None);
        int before = _google.ApiRequests;
        IReadOnlyList<DirectoryMember> members = await client.ListMembersAsync("all@contoso.com", CancellationToken.None);

        Assert.Equal("OWNER", added.Role);
        Assert.Equal(451, members.Count);
        Assert.Equal("member0001@contoso.com", members[0].Email);
        Assert.Equal("alice@contoso.com", members[450].Email);
        Assert.Equal(3, _google.ApiRequests - before);
        Assert.Equal(451, (await client.GetGroupAsync("all@contoso.com", CancellationToken.None)).DirectMembersCount);
    }

    [Theory]
    [InlineData(429, "rateLimitExceeded")]
    [InlineData(403, "userRateLimitExceeded")]
    [InlineData(403, "rateLimitExceeded")]
    [InlineData(503, "backendError")]
    public async Task RateLimitsAndServerErrorsAreRetriedWithBackOff(int status, string reason)
    {
        using GoogleDirectoryClient client = Client(P12());
        await client.GetUserAsync("admin@contoso.com", CancellationToken.None);
        _google.Throttle(1, status, reason);
        int before = _google.ApiRequests;

        DirectoryUser user = await client.GetUserAsync("alice@contoso.com", CancellationToken.None);

        Assert.Equal("alice@contoso.com", user.PrimaryEmail);
        Assert.Equal(2, _google.ApiRequests - before);
        Assert.Contains(_verbose, v => v.Contains($"Google answered {status}") && v.Contains("retry 1 of 5"));
    }

    [Fact]
    public async Task RateLimitingBeyondTheRetriesIsAnError()
    {
        using GoogleDirectoryClient client = Client(P12(), new GoogleRetryPolicy { MaximumRetries = 1 });
        await client.GetUserAsync("admin@contoso.com", CancellationToken.None);
        _google.Throttle(5);
        int before = _google.ApiRequests;

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetUserAsync("alice@contoso.com", CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleRateLimited, error.ErrorId);
        Assert.Equal(ErrorKind.ResourceBusy, error.Kind);
        Assert.Equal(2, _google.ApiRequests - before);
    }

    [Fact]
    public async Task AForbiddenAnswerThatIsNotARateLimitIsNotRetried()
    {
        using GoogleDirectoryClient client = Client(P12());
        await client.GetUserAsync("admin@contoso.com", CancellationToken.None);
        _google.Throttle(1, 403, "forbidden");
        int before = _google.ApiRequests;

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetUserAsync("alice@contoso.com", CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleDirectoryRequestFailed, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Equal(1, _google.ApiRequests - before);
    }

    [Fact]
    public async Task DirectoryErrorsKeepGooglesMessage()
    {
        using GoogleDirectoryClient client = Client(P12());
        await client.InsertGroupAsync(new DirectoryGroup { Email = "sales@contoso.com", Name = "Sales" }, CancellationToken.None);

        var duplicate = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            client.InsertGroupAsync(new DirectoryGroup { Email = "sales@contoso.com", Name = "Sales" }, CancellationToken.None));
        Assert.Equal(ErrorKind.AlreadyExists, duplicate.Kind);
        Assert.Equal("Insert group sales@contoso.com: Entity already exists. (409 duplicate).", duplicate.Message);

        var missing = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetGroupAsync("nobody@contoso.com", CancellationToken.None));
        Assert.Equal(ErrorKind.NotFound, missing.Kind);
        Assert.Contains("Resource Not Found: groupKey", missing.Message);
    }

    [Fact]
    public async Task DelegationWithoutTheScopes()
    {
        _google.DelegatedScopes.Remove(GoogleEndpoints.UserScope);
        using GoogleDirectoryClient client = Client(P12());
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetUserAsync("admin@contoso.com", CancellationToken.None));
        Assert.Equal(ErrorIds.GoogleDelegationNotGranted, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Manage domain-wide delegation", error.Message);
        Assert.Contains(GoogleEndpoints.UserScope, error.Message);
    }

    [Fact]
    public async Task UnknownAdministrator()
    {
        GoogleWorkspaceSettings settings = P12();
        settings.AdminUser = "former-admin@contoso.com";
        using GoogleDirectoryClient client = Client(settings);
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetUserAsync("admin@contoso.com", CancellationToken.None));
        Assert.Equal(ErrorIds.GoogleAdminUserInvalid, error.ErrorId);
        Assert.Contains("former-admin@contoso.com", error.Message);
        Assert.Contains("-AdminUser", error.Message);
    }

    [Fact]
    public async Task DeletedKey()
    {
        GoogleWorkspaceSettings settings = _settings.WithP12Key(_google, out _);
        // Google holds another key for the service account.
        _settings.WithJsonKey(_google, out RSA other);
        _google.PublicKey = other;
        using GoogleDirectoryClient client = Client(settings);
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetUserAsync("admin@contoso.com", CancellationToken.None));
        Assert.Equal(ErrorIds.GoogleKeyRejected, error.ErrorId);
        Assert.Contains(settings.KeyId!, error.Message);
        Assert.Contains("-KeyPath", error.Message);
    }

    [Fact]
    public async Task TheDelegatedTokenIsReusedForTheSession()
    {
        GoogleWorkspaceSettings settings = P12();
        HttpHandlerFactory handler = TestHandlers.Trusting();
        using (var first = new GoogleDirectoryClient(settings, _settings.Vault, handler)) await first.GetUserAsync("admin@contoso.com", CancellationToken.None);
        using (var second = new GoogleDirectoryClient(settings, _settings.Vault, handler)) await second.GetUserAsync("alice@contoso.com", CancellationToken.None);
        Assert.Equal(1, _google.TokenRequests);
        Assert.Equal(2, _google.ApiRequests);
    }

    [Fact]
    public async Task StatusIsOnlineWhenTheDirectoryAnswersForTheAdministrator()
    {
        ProviderConnectionInfo status = await GoogleWorkspaceStatusProbe.CheckAsync("G", P12(), _settings.Vault, TestHandlers.Trusting(), null, CancellationToken.None);
        Assert.Equal(ServerStatus.Online, status.Status);
        Assert.Equal(MessagingProviderType.GoogleWorkspace, status.Provider);
        Assert.Equal(_google.DirectoryApi.ToString(), status.Endpoint);
        Assert.Contains("admin@contoso.com", status.Reason);
    }

    [Fact]
    public async Task StatusIsOfflineWithTheReason()
    {
        _google.DelegatedScopes.Clear();
        ProviderConnectionInfo status = await GoogleWorkspaceStatusProbe.CheckAsync("G", P12(), _settings.Vault, TestHandlers.Trusting(), null, CancellationToken.None);
        Assert.Equal(ServerStatus.Offline, status.Status);
        Assert.Equal(ErrorIds.GoogleDelegationNotGranted, status.ErrorId);
    }

    private GoogleDirectoryClient Client(GoogleWorkspaceSettings settings, GoogleRetryPolicy? retry = null) =>
        new GoogleDirectoryClient(settings, _settings.Vault, TestHandlers.Trusting(), retry, _verbose.Add);
}

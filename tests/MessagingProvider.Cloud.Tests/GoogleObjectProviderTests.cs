using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.Output;
using MessagingProvider.Recipients;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Cloud.Tests;

/// <summary>The mail-enabled object provider of a Google Workspace store against the Google stand-in.</summary>
public sealed class GoogleObjectProviderTests : GoogleStandInTest
{
    [Theory]
    [InlineData(MailEnabledObjectMode.New, "Project X", null, "Project X")]
    [InlineData(MailEnabledObjectMode.New, "Project X", "Project X team", "Project X team")]
    [InlineData(MailEnabledObjectMode.Enable, "CN=Sales Team,OU=Groups,DC=contoso,DC=com", null, "Sales Team")]
    public async Task AGroupIsCreatedWithTheAliasInTheAdministratorsDomain(MailEnabledObjectMode mode, string identity, string? displayName, string groupName)
    {
        using IMailEnabledObjectProvider provider = Provider();
        var request = new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Mode = mode, Identity = identity, DisplayName = displayName, Alias = "projectx", SkipAddressCheck = true };

        string described = provider.Describe(request);
        MailEnabledObjectResult result = await provider.ProvisionAsync(request, "projectx", CancellationToken.None);

        Assert.Contains("projectx@contoso.com", described);
        Assert.Equal("projectx@contoso.com", result.PrimarySmtpAddress);
        Assert.Equal(MessagingProviderType.GoogleWorkspace, result.Provider);
        Assert.Equal("groups.insert", result.Command);
        Assert.Equal(groupName, _google.Groups["projectx@contoso.com"]["name"]!.GetValue<string>());
        Assert.Contains(_verbose, v => v.Contains("Insert group projectx@contoso.com"));
    }

    [Fact]
    public async Task AnAddressThatExistsIsGoogleGroupExists()
    {
        using IMailEnabledObjectProvider provider = Provider();

        // alice@contoso.com is a user: Google keeps one namespace for users, groups and aliases.
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.ProvisionAsync(Group("Alice group"), "alice", CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleGroupExists, error.ErrorId);
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
        Assert.Contains("alice@contoso.com", error.Message);
        Assert.Contains("409", error.InnerException!.Message);
        Assert.Empty(_google.Groups);
    }

    [Theory]
    [InlineData(MailEnabledObjectKind.User, "GoogleUserNotSupported", "Google Admin console")]
    [InlineData(MailEnabledObjectKind.Contact, "GoogleContactNotSupported", "the Directory API has no mail contacts")]
    public async Task UsersAndContactsAreRefusedBeforeAnythingIsSent(MailEnabledObjectKind kind, string errorId, string reason)
    {
        using IMailEnabledObjectProvider provider = Provider();
        var request = new MailEnabledObjectRequest { Kind = kind, Mode = MailEnabledObjectMode.New, Identity = "Dee", Alias = "dee", ExternalEmailAddress = "dee@fabrikam.com" };

        var described = Assert.Throws<MessagingProviderException>(() => provider.Describe(request));
        var provisioned = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.ProvisionAsync(request, "dee", CancellationToken.None));

        Assert.Equal(errorId, described.ErrorId);
        Assert.Equal(errorId, provisioned.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, described.Kind);
        Assert.Contains(reason, described.Message);
        Assert.Equal(0, _google.TokenRequests);
        Assert.Equal(0, _google.ApiRequests);
    }

    [Fact]
    public async Task GroupAliasesAreAddedAndRemoved()
    {
        using IMailEnabledObjectProvider provider = Provider();
        await provider.ProvisionAsync(Group("Sales"), "sales", CancellationToken.None);
        await provider.SetEmailAddressesAsync("sales@contoso.com", new[] { "sales@contoso.com", "vertrieb@contoso.com", "ventas@contoso.com" }, "sales@contoso.com", _ => true, CancellationToken.None);

        EmailAddressUpdate update = await provider.SetEmailAddressesAsync("sales@contoso.com", new[] { "SMTP:sales@contoso.com", "verkauf@contoso.com", "ventas@contoso.com" }, null, _ => true, CancellationToken.None);

        Assert.Equal(new[] { "ventas@contoso.com", "verkauf@contoso.com" }, _google.AliasesOf("sales@contoso.com").OrderBy(a => a));
        Assert.Equal(new[] { "vertrieb@contoso.com" }, update.Removed);
        Assert.Equal("sales@contoso.com", update.PrimarySmtpAddress);
        Assert.True(update.Changed);
        Assert.Contains(_verbose, v => v.Contains("Remove alias vertrieb@contoso.com from sales@contoso.com"));
    }

    [Fact]
    public async Task AGroupIsFoundByItsAlias()
    {
        using IMailEnabledObjectProvider provider = Provider();
        await provider.ProvisionAsync(Group("Sales"), "sales", CancellationToken.None);
        await provider.SetEmailAddressesAsync("sales@contoso.com", new[] { "sales@contoso.com", "vertrieb@contoso.com" }, "sales@contoso.com", _ => true, CancellationToken.None);

        EmailAddressUpdate update = await provider.SetEmailAddressesAsync("vertrieb@contoso.com", new[] { "sales@contoso.com" }, "sales@contoso.com", _ => true, CancellationToken.None);

        Assert.Empty(_google.AliasesOf("sales@contoso.com"));
        Assert.Equal(new[] { "vertrieb@contoso.com" }, update.Removed);
    }

    [Fact]
    public async Task UserAliasesAreSetAndTheSameSetIsNoChange()
    {
        using IMailEnabledObjectProvider provider = Provider();
        string[] wanted = { "alice.smith@contoso.com", "SMTP:alice@contoso.com" };
        await provider.SetEmailAddressesAsync("alice@contoso.com", wanted, null, _ => true, CancellationToken.None);
        int requests = _google.ApiRequests;

        EmailAddressUpdate again = await provider.SetEmailAddressesAsync("alice@contoso.com", wanted, null, _ => throw new InvalidOperationException("nothing to confirm"), CancellationToken.None);

        Assert.Equal(new[] { "alice.smith@contoso.com" }, _google.AliasesOf("alice@contoso.com"));
        Assert.False(again.Changed);
        // Only the reads: groups.get (404) then users.get.
        Assert.Equal(requests + 2, _google.ApiRequests);
    }

    [Fact]
    public async Task DeclinedConfirmationChangesNothing()
    {
        using IMailEnabledObjectProvider provider = Provider();

        EmailAddressUpdate update = await provider.SetEmailAddressesAsync("alice@contoso.com", new[] { "alice@contoso.com", "a@contoso.com" }, "alice@contoso.com", _ => false, CancellationToken.None);

        Assert.True(update.Changed);
        Assert.Empty(_google.AliasesOf("alice@contoso.com"));
    }

    [Fact]
    public async Task AnotherPrimaryAddressIsRefusedAndNothingChanges()
    {
        using IMailEnabledObjectProvider provider = Provider();

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.SetEmailAddressesAsync("alice@contoso.com", new[] { "alice@contoso.com", "a@contoso.com" }, "a@contoso.com", _ => true, CancellationToken.None));

        Assert.Equal(ErrorIds.GooglePrimaryAddressChangeNotSupported, error.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, error.Kind);
        Assert.Contains("alice@contoso.com", error.Message);
        Assert.Empty(_google.AliasesOf("alice@contoso.com"));
    }

    [Fact]
    public async Task AnUnknownAddressIsRecipientNotFound()
    {
        using IMailEnabledObjectProvider provider = Provider();

        MessagingProviderException error = await ProviderAssertions.RecipientNotFoundAsync(provider);

        Assert.Contains("404", error.InnerException!.Message);
        Assert.Contains("Google Workspace has no group or user", error.Message);
    }

    [Fact]
    public async Task BadAddressesAreRefusedBeforeAnyRequest()
    {
        using IMailEnabledObjectProvider provider = Provider();

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() =>
            provider.SetEmailAddressesAsync("alice@contoso.com", new[] { "not an address" }, null, _ => true, CancellationToken.None));

        Assert.Equal(ErrorIds.InvalidEmailAddresses, error.ErrorId);
        Assert.Equal(0, _google.ApiRequests);
    }

    [Fact]
    public async Task RateLimitingIsRetriedOnTheObjectPath()
    {
        using IMailEnabledObjectProvider provider = Provider();
        _google.Throttle(2, 429);

        MailEnabledObjectResult result = await provider.ProvisionAsync(Group("Sales"), "sales", CancellationToken.None);

        Assert.Equal("sales@contoso.com", result.PrimarySmtpAddress);
        Assert.Equal(3, _google.ApiRequests);
        Assert.True(_google.Groups.ContainsKey("sales@contoso.com"));
    }

    [Fact]
    public async Task RateLimitingThatOutlastsTheRetriesIsGoogleRateLimited()
    {
        using IMailEnabledObjectProvider provider = GoogleMailEnabledObjectProvider.Create("G", P12(), _settings.Vault, _verbose.Add, TestHandlers.Trusting(), new GoogleRetryPolicy { MaximumRetries = 1 });
        _google.Throttle(5, 403, "userRateLimitExceeded");

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.ProvisionAsync(Group("Sales"), "sales", CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleRateLimited, error.ErrorId);
        Assert.Empty(_google.Groups);
    }

    [Fact]
    public async Task OneTokenServesEveryRequest()
    {
        using IMailEnabledObjectProvider provider = Provider();
        foreach (string name in new[] { "a", "b", "c" }) await provider.ProvisionAsync(Group(name), name, CancellationToken.None);
        await provider.SetEmailAddressesAsync("a@contoso.com", new[] { "a@contoso.com", "a2@contoso.com" }, "a@contoso.com", _ => true, CancellationToken.None);

        Assert.Equal(1, _google.TokenRequests);
    }

    private IMailEnabledObjectProvider Provider() => GoogleMailEnabledObjectProvider.Create("G", P12(), _settings.Vault, _verbose.Add, TestHandlers.Trusting());

    // The create path alone: the address checks' reads have their own tests (AddressCheckTests).
    private static MailEnabledObjectRequest Group(string name) =>
        new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Mode = MailEnabledObjectMode.New, Identity = name, Name = name, SkipAddressCheck = true };
}

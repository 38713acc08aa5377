using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.GoogleWorkspace.GroupsSettings;
using MessagingProvider.GoogleWorkspace.Keyless;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Cloud.Tests;

/// <summary>The Groups Settings API client against the Google stand-in: its own token with the extra scope, GET/PATCH, the scope refused.</summary>
public sealed class GoogleGroupsSettingsTests : GoogleStandInTest
{
    [Fact]
    public async Task APatchChangesOnlyTheFieldsGivenWithATokenThatAddsTheScope()
    {
        GoogleWorkspaceSettings settings = P12();
        _google.SeedGroup("sales@contoso.com", "Sales");
        using var client = new GoogleGroupsSettingsClient(settings, _settings.Vault, TestHandlers.Trusting(), _verbose.Add);

        GoogleGroupSettings after = await client.PatchAsync("sales@contoso.com", new Dictionary<string, string> { ["whoCanJoin"] = "INVITED_CAN_JOIN" }, CancellationToken.None);
        GoogleGroupSettings read = await client.GetAsync("sales@contoso.com", CancellationToken.None);

        Assert.Equal("INVITED_CAN_JOIN", after.WhoCanJoin);
        Assert.Equal("INVITED_CAN_JOIN", read.WhoCanJoin);
        Assert.Equal("true", read.IncludeInGlobalAddressList);
        Assert.Equal(new[] { "PATCH sales@contoso.com whoCanJoin", "GET sales@contoso.com" }, _google.GroupsSettingsRequests);
        Assert.Contains(GoogleEndpoints.GroupsSettingsScope, _google.LastAssertion!.Claim("scope")!.Split(' '));
        Assert.Equal(1, _google.TokenRequests);
        Assert.Contains(_verbose, v => v.Contains("Google Groups Settings API: Change whoCanJoin of group sales@contoso.com"));
    }

    [Fact]
    public async Task ARefusedScopeIsGroupsSettingsScopeNotGrantedBeforeAnyRequest()
    {
        GoogleWorkspaceSettings settings = P12();
        _google.SeedGroup("sales@contoso.com", "Sales");
        _google.RefuseGroupsSettingsScope();
        using var client = new GoogleGroupsSettingsClient(settings, _settings.Vault, TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.RequireScopeAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.GroupsSettingsScopeNotGranted, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("unauthorized_client", error.Message);
        Assert.Empty(_google.GroupsSettingsRequests);
    }

    [Fact]
    public async Task AGroupGoogleDoesNotHaveIsNotFound()
    {
        using var client = new GoogleGroupsSettingsClient(P12(), _settings.Vault, TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => client.GetAsync("nobody@contoso.com", CancellationToken.None));

        Assert.Equal(ErrorIds.GroupsSettingsRequestFailed, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
    }

    [Fact]
    public async Task TheKeylessCredentialAsksForTheScopesItIsGiven()
    {
        var settings = new GoogleWorkspaceSettings
        {
            SignIn = GoogleSignIn.Impersonation, ServiceAccount = _google.ServiceAccount, AdminUser = _google.AdminUser,
            TokenEndpoint = _google.TokenEndpoint, DirectoryApiEndpoint = _google.DirectoryApi, IamCredentialsEndpoint = _google.IamCredentialsEndpoint,
        };
        var credential = new GoogleImpersonatedCredential(settings, new Uri($"http://{_google.MetadataHost}/"), TestHandlers.Trusting(), GoogleEndpoints.ScopesWithGroupsSettings);

        await credential.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal(GoogleEndpoints.ScopesWithGroupsSettings, _google.LastAssertion!.Claim("scope")!.Split(' '));
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.GoogleWorkspace.Keyless;

namespace MessagingProvider.Cloud.Tests;

/// <summary>
/// Keyless Google sign-in against the stand-ins: the metadata server's ambient token, signJwt of
/// the IAM Credentials API, the jwt-bearer exchange at the token endpoint. The credential is built
/// with the stand-in's metadata address, as GCE_METADATA_HOST would give it (that variable is
/// process-wide, so it is covered by the Pester tests, which own their process).
/// </summary>
public sealed class GoogleKeylessSignInTests : GoogleStandInTest
{
    [Fact]
    public async Task TheAmbientCredentialHasTheJwtSignedAndTheAdministratorIsImpersonated()
    {
        GoogleWorkspaceSettings settings = Keyless();
        var credential = new GoogleImpersonatedCredential(settings, new Uri($"http://{_google.MetadataHost}/"), TestHandlers.Trusting());
        using GoogleDirectoryClient client = Client(settings, credential);

        DirectoryGroup created = await client.InsertGroupAsync(new DirectoryGroup { Email = "keyless@contoso.com", Name = "Keyless" }, CancellationToken.None);
        await client.GetGroupAsync("keyless@contoso.com", CancellationToken.None);

        Assert.Equal("keyless@contoso.com", created.Email);
        Assert.Equal(1, _google.MetadataTokenRequests);
        Assert.Equal(1, _google.SignJwtRequests);
        Assert.Equal(1, _google.TokenRequests);
        SignedJwt assertion = _google.LastAssertion!;
        Assert.Equal("admin@contoso.com", assertion.Claim("sub"));
        Assert.Equal(_google.ServiceAccount, assertion.Claim("iss"));
        Assert.Equal(new[] { GoogleEndpoints.GroupScope, GoogleEndpoints.UserScope, GoogleEndpoints.DomainReadScope }, assertion.Claim("scope")!.Split(' '));
        Assert.Equal("https://oauth2.googleapis.com/token", _google.LastSignedPayload!["aud"]!.GetValue<string>());
    }

    [Fact]
    public async Task NoMetadataServerIsASpecificError()
    {
        GoogleWorkspaceSettings settings = Keyless();
        int closedPort = FreePort();
        var credential = new GoogleImpersonatedCredential(settings, new Uri($"http://127.0.0.1:{closedPort}/"), TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => credential.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleMetadataServerUnavailable, error.ErrorId);
        Assert.Contains(GoogleMetadataServer.HostVariable, error.Message);
        Assert.Equal(0, _google.SignJwtRequests);
    }

    [Fact]
    public async Task SignJwtRefusedIsASpecificErrorThatNamesTheRole()
    {
        GoogleWorkspaceSettings settings = Keyless();
        _google.TokenCreators.Clear();
        var credential = new GoogleImpersonatedCredential(settings, new Uri($"http://{_google.MetadataHost}/"), TestHandlers.Trusting());

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => credential.GetAccessTokenAsync(CancellationToken.None));

        Assert.Equal(ErrorIds.GoogleSignJwtRefused, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("roles/iam.serviceAccountTokenCreator", error.Message);
        Assert.Contains("iam.serviceAccounts.signJwt", error.Message);
        Assert.Equal(1, _google.SignJwtRequests);
        Assert.Equal(0, _google.TokenRequests);
    }

    [Fact]
    public async Task TheTokenIsKeptUntilItNearlyExpires()
    {
        GoogleWorkspaceSettings settings = Keyless();
        var credential = new GoogleImpersonatedCredential(settings, new Uri($"http://{_google.MetadataHost}/"), TestHandlers.Trusting());

        string first = await credential.GetAccessTokenAsync(CancellationToken.None);
        string second = await credential.GetAccessTokenAsync(CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, _google.SignJwtRequests);
    }

    [Fact]
    public void TheMetadataHostComesFromGceMetadataHostLikeGooglesLibraries()
    {
        var environment = new Dictionary<string, string?> { [GoogleMetadataServer.HostVariable] = "127.0.0.1:8899" };

        Assert.Equal(new Uri("http://127.0.0.1:8899/"), GoogleMetadataServer.BaseUri(n => environment.TryGetValue(n, out string? v) ? v : null));
        Assert.Equal(new Uri("http://metadata.google.internal/"), GoogleMetadataServer.BaseUri(_ => null));
    }

    private GoogleWorkspaceSettings Keyless() => new GoogleWorkspaceSettings
    {
        SignIn = GoogleSignIn.Impersonation,
        ServiceAccount = _google.ServiceAccount,
        AdminUser = _google.AdminUser,
        TokenEndpoint = _google.TokenEndpoint,
        DirectoryApiEndpoint = _google.DirectoryApi,
        IamCredentialsEndpoint = _google.IamCredentialsEndpoint,
    };

    private GoogleDirectoryClient Client(GoogleWorkspaceSettings settings, GoogleImpersonatedCredential credential) =>
        new GoogleDirectoryClient(settings, _settings.Vault, TestHandlers.Trusting(), null, _verbose.Add, credential);

    private static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        int port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

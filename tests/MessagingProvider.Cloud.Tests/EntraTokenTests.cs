using System;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Cloud.Tests;

public sealed class EntraTokenTests
{
    private const string ExchangeScope = "https://outlook.office365.com/.default";

    [Fact]
    public async Task ClientSecretGetsAnAppOnlyToken()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        var source = new EntraAppTokenSource(settings.WithSecret(entra, entra.ClientSecret), settings.Vault, TestHandlers.Trusting());

        string token = await source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None);

        Assert.True(entra.Issued(token, ExchangeScope));
        Assert.Equal("client secret", source.CredentialDescription);
    }

    [Fact]
    public async Task CertificateGetsAnAppOnlyTokenWithAVerifiedAssertion()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        Office365Settings stored = settings.WithCertificate(entra, out X509Certificate2 uploaded);
        entra.UploadedCertificate = uploaded;
        var source = new EntraAppTokenSource(stored, settings.Vault, TestHandlers.Trusting());

        string token = await source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None);

        Assert.True(entra.Issued(token, ExchangeScope));
        Assert.Equal(1, entra.VerifiedAssertions);
        Assert.Equal("certificate " + uploaded.Thumbprint, source.CredentialDescription);
    }

    [Fact]
    public async Task TokensAreCachedForTheSessionAcrossCommands()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        Office365Settings stored = settings.WithSecret(entra, entra.ClientSecret);
        HttpHandlerFactory handler = TestHandlers.Trusting();

        string first = await new EntraAppTokenSource(stored, settings.Vault, handler).GetAccessTokenAsync(ExchangeScope, CancellationToken.None);
        // A second command builds its own source from the same stored settings.
        string second = await new EntraAppTokenSource(stored, settings.Vault, handler).GetAccessTokenAsync(ExchangeScope, CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal(1, entra.TokenRequests);
    }

    [Fact]
    public async Task ATokenAboutToExpireIsRenewed()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        // MSAL treats a token expiring within five minutes as expired.
        entra.TokenLifetimeSeconds = 60;
        using var settings = new Office365TestSettings();
        var source = new EntraAppTokenSource(settings.WithSecret(entra, entra.ClientSecret), settings.Vault, TestHandlers.Trusting());

        string first = await source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None);
        string second = await source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None);

        Assert.NotEqual(first, second);
        Assert.Equal(2, entra.TokenRequests);
        Assert.True(entra.Issued(second, ExchangeScope));
    }

    [Fact]
    public async Task WrongClientSecret()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        var error = await SignInFails(settings.WithSecret(entra, "the-secret-id-not-its-value"), settings);
        Assert.Equal(ErrorIds.EntraClientSecretInvalid, error.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, error.Kind);
        Assert.Contains("AADSTS7000215", error.Message);
        Assert.Contains("Set-MessagingProvider -ClientSecret", error.Message);
        Assert.DoesNotContain("the-secret-id-not-its-value", error.Message);
    }

    [Fact]
    public async Task ExpiredClientSecret()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        entra.SecretExpired = true;
        using var settings = new Office365TestSettings();
        var error = await SignInFails(settings.WithSecret(entra, entra.ClientSecret), settings);
        Assert.Equal(ErrorIds.EntraClientSecretExpired, error.ErrorId);
        Assert.Contains("Create a new client secret", error.Message);
    }

    [Fact]
    public async Task CertificateNotUploaded()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        // The app registration knows another certificate than the one imported into the store.
        settings.WithCertificate(entra, out X509Certificate2 other);
        entra.UploadedCertificate = other;
        Office365Settings stored = settings.WithCertificate(entra, out X509Certificate2 notUploaded);

        var error = await SignInFails(stored, settings);
        Assert.Equal(ErrorIds.EntraCertificateNotRegistered, error.ErrorId);
        Assert.Contains(notUploaded.Thumbprint, error.Message);
        Assert.Contains("Upload its public key", error.Message);
    }

    [Fact]
    public async Task AssertionOutsideItsValidTime()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        entra.ClockOffset = TimeSpan.FromHours(3);
        using var settings = new Office365TestSettings();
        Office365Settings stored = settings.WithCertificate(entra, out X509Certificate2 uploaded);
        entra.UploadedCertificate = uploaded;

        var error = await SignInFails(stored, settings);
        Assert.Equal(ErrorIds.EntraClientAssertionInvalid, error.ErrorId);
        Assert.Contains("clock", error.Message);
    }

    [Fact]
    public async Task AdminConsentMissing()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        entra.AdminConsented = false;
        using var settings = new Office365TestSettings();
        var error = await SignInFails(settings.WithSecret(entra, entra.ClientSecret), settings);
        Assert.Equal(ErrorIds.EntraAdminConsentMissing, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Grant admin consent", error.Message);
    }

    [Fact]
    public async Task UnknownTenant()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        Office365Settings stored = settings.WithSecret(entra, entra.ClientSecret);
        stored.Organization = "fabrikam.onmicrosoft.com";
        var error = await SignInFails(stored, settings);
        Assert.Equal(ErrorIds.EntraTenantNotFound, error.ErrorId);
        Assert.Contains("fabrikam.onmicrosoft.com", error.Message);
        Assert.Contains("-Organization", error.Message);
    }

    [Fact]
    public async Task UnknownApplication()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        using var settings = new Office365TestSettings();
        Office365Settings stored = settings.WithSecret(entra, entra.ClientSecret);
        stored.ApplicationId = "11111111-2222-3333-4444-555555555555";
        var error = await SignInFails(stored, settings);
        Assert.Equal(ErrorIds.EntraApplicationNotFound, error.ErrorId);
        Assert.Contains("-ApplicationId", error.Message);
    }

    [Fact]
    public async Task ProductionHandlerDoesNotTrustAnUntrustedCertificate()
    {
        await using EntraStandIn entra = await EntraStandIn.StartAsync(TestTls.UntrustedCertificate);
        using var settings = new Office365TestSettings();
        var source = new EntraAppTokenSource(settings.WithSecret(entra, entra.ClientSecret), settings.Vault);
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None));
        Assert.Equal(ErrorIds.EntraUnreachable, error.ErrorId);
        Assert.Equal(0, entra.TokenRequests);
    }

    [Fact]
    public async Task NothingListening()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        using var settings = new Office365TestSettings();
        await using EntraStandIn entra = await EntraStandIn.StartAsync();
        Office365Settings stored = settings.WithSecret(entra, entra.ClientSecret);
        stored.Endpoints!.AuthorityHost = new Uri($"https://127.0.0.1:{port}/");
        var error = await SignInFails(stored, settings);
        Assert.Equal(ErrorIds.EntraUnreachable, error.ErrorId);
        Assert.Equal(ErrorKind.ConnectionError, error.Kind);
    }

    private static async Task<MessagingProviderException> SignInFails(Office365Settings stored, Office365TestSettings settings)
    {
        var source = new EntraAppTokenSource(stored, settings.Vault, TestHandlers.Trusting());
        return await Assert.ThrowsAsync<MessagingProviderException>(() => source.GetAccessTokenAsync(ExchangeScope, CancellationToken.None));
    }
}

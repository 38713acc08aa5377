using System;
using System.Linq;
using System.Management.Automation;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// Test-MessagingProviderConnection inside the hosted engine against the HTTPS stand-ins. The
/// module validates TLS the production way; the stand-ins' generated certificate is trusted for
/// this user (CurrentUser\Root) only while a test runs.
/// </summary>
public sealed class ProviderConnectionTests : IAsyncLifetime
{
    private const string AppId = "6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10";
    private IDisposable _trust = null!;
    private EntraStandIn _entra = null!;
    private ExchangeOnlineStandIn _exchange = null!;
    private GoogleStandIn _google = null!;

    public async Task InitializeAsync()
    {
        _trust = TestTls.TrustForCurrentUser();
        _entra = await EntraStandIn.StartAsync();
        _exchange = await ExchangeOnlineStandIn.StartAsync(_entra);
        _google = await GoogleStandIn.StartAsync();
    }

    public async Task DisposeAsync()
    {
        await _google.DisposeAsync();
        await _exchange.DisposeAsync();
        await _entra.DisposeAsync();
        _trust.Dispose();
    }

    [Fact]
    public void Office365WithAClientSecretIsOnline()
    {
        using var session = new ModuleSession();
        RunResult result = session.Run(Office365Store("$args[2]") + "Test-MessagingProviderConnection -IdentityStore Cloud -Verbose",
            _entra.AuthorityHost.ToString(), _exchange.Endpoint.ToString(), _entra.ClientSecret).ThrowIfErrors();

        PSObject status = Assert.Single(result.Output);
        Assert.Equal("MessagingProvider.Output.ProviderConnectionInfo", status.TypeNames[0]);
        Assert.Equal("Online", status.Properties["Status"].Value.ToString());
        Assert.Equal("Office365", status.Properties["Provider"].Value.ToString());
        Assert.Equal(_exchange.Endpoint.ToString(), status.Properties["Endpoint"].Value);
        Assert.Contains("2 accepted domain(s)", (string)status.Properties["Reason"].Value);
        Assert.Null(status.Properties["ErrorId"].Value);
        Assert.Contains(result.Verbose, v => v.Contains("Get-AcceptedDomain"));
        Assert.All(result.Verbose, v => Assert.DoesNotContain(_entra.ClientSecret, v));
        Assert.Equal("Get-AcceptedDomain", _exchange.Requests.Single()["CmdletName"]!.GetValue<string>());
    }

    [Fact]
    public void Office365WithACertificateIsOnline()
    {
        using var session = new ModuleSession();
        string pfx = TestFiles.Pfx(session.ConfigDirectory + "-files", "mp-app", "pfx-pass", DateTimeOffset.UtcNow.AddYears(1));
        using (X509Certificate2 full = X509CertificateLoader.LoadPkcs12FromFile(pfx, "pfx-pass"))
        {
            _entra.UploadedCertificate = X509CertificateLoader.LoadCertificate(full.RawData);
        }

        PSObject status = session.Run(Scripts.Credential + $@"
            $null = New-IdentityStore -Name Cloud
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization {_entra.Tenant} `
                -ApplicationId {AppId} -CertificatePath $args[0] -CertificatePassword (secure 'pfx-pass') `
                -AuthorityHost $args[1] -ExchangeOnlineEndpoint $args[2]
            Get-IdentityStore -Name Cloud | Test-MessagingProviderConnection",
            pfx, _entra.AuthorityHost.ToString(), _exchange.Endpoint.ToString()).Single();

        Assert.Equal("Online", status.Properties["Status"].Value.ToString());
        Assert.Equal(1, _entra.VerifiedAssertions);
    }

    [Fact]
    public void AWrongClientSecretIsOfflineWithTheReason()
    {
        using var session = new ModuleSession();
        RunResult result = session.Run(Office365Store("'not-the-secret'") + "Test-MessagingProviderConnection -IdentityStore Cloud",
            _entra.AuthorityHost.ToString(), _exchange.Endpoint.ToString());

        Assert.Empty(result.Errors);
        PSObject status = Assert.Single(result.Output);
        Assert.Equal("Offline", status.Properties["Status"].Value.ToString());
        Assert.Equal("EntraClientSecretInvalid", status.Properties["ErrorId"].Value);
        Assert.Contains("AADSTS7000215", (string)status.Properties["Reason"].Value);
        Assert.Empty(_exchange.Requests);
    }

    [Fact]
    public void GoogleWorkspaceWithAJsonKeyIsOnline()
    {
        using var session = new ModuleSession();
        string key = TestFiles.GoogleJsonKey(session.ConfigDirectory + "-files", _google.ServiceAccount);
        _google.PublicKey = TestFiles.PublicKeyOf(key);

        RunResult result = session.Run(@"
            $null = New-IdentityStore -Name G
            Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $args[0] `
                -TokenEndpoint $args[1] -DirectoryApiEndpoint $args[2]
            Test-MessagingProviderConnection G -Verbose",
            key, _google.TokenEndpoint.ToString(), _google.DirectoryApi.ToString()).ThrowIfErrors();

        PSObject status = Assert.Single(result.Output);
        Assert.Equal("Online", status.Properties["Status"].Value.ToString());
        Assert.Equal("GoogleWorkspace", status.Properties["Provider"].Value.ToString());
        Assert.Equal("admin@contoso.com", _google.LastAssertion!.Claim("sub"));
        Assert.Contains(result.Verbose, v => v.Contains("Get user admin@contoso.com"));
    }

    [Fact]
    public void GoogleWorkspaceWithoutDelegationIsOffline()
    {
        using var session = new ModuleSession();
        string key = TestFiles.GoogleJsonKey(session.ConfigDirectory + "-files", _google.ServiceAccount);
        _google.PublicKey = TestFiles.PublicKeyOf(key);
        _google.DelegatedScopes.Clear();

        PSObject status = session.Run(@"
            $null = New-IdentityStore -Name G
            Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $args[0] `
                -TokenEndpoint $args[1] -DirectoryApiEndpoint $args[2]
            Test-MessagingProviderConnection G",
            key, _google.TokenEndpoint.ToString(), _google.DirectoryApi.ToString()).Single();

        Assert.Equal("Offline", status.Properties["Status"].Value.ToString());
        Assert.Equal("GoogleDelegationNotGranted", status.Properties["ErrorId"].Value);
    }

    [Fact]
    public void StoppingTheCommandCancelsTheWaitForExchangeOnline()
    {
        using var session = new ModuleSession();
        session.Run(Office365Store("$args[2]"), _entra.AuthorityHost.ToString(), _exchange.Endpoint.ToString(), _entra.ClientSecret).ThrowIfErrors();
        // Exchange Online asks to come back in a minute: the command waits, and Ctrl+C must end the wait.
        _exchange.Throttle(1, 429, retryAfterSeconds: 60);

        session.StopWhenStarted(ps => ps.AddCommand("Test-MessagingProviderConnection").AddParameter("IdentityStore", "Cloud"), () => _exchange.HttpRequests == 1);

        Assert.Equal(1, _exchange.HttpRequests);
    }

    [Fact]
    public void AProviderThatIsNotACloudOneIsAnError()
    {
        using var session = new ModuleSession();
        ErrorRecord error = session.Run(@"
            $null = New-IdentityStore -Name Ext
            Set-MessagingProvider -IdentityStore Ext -Provider Other -Domain example.com
            Test-MessagingProviderConnection -IdentityStore Ext").SingleError();
        Assert.Equal("ConnectionTestNotSupported,MessagingProvider.Commands.TestMessagingProviderConnectionCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
    }

    [Fact]
    public void AnUnknownIdentityStoreIsAnError()
    {
        using var session = new ModuleSession();
        ErrorRecord error = session.Run("Test-MessagingProviderConnection -IdentityStore Nowhere").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.TestMessagingProviderConnectionCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void WithoutTheTrustedCertificateTheConnectionIsRefused()
    {
        // Production TLS validation: a sign-in host whose certificate the user does not trust is never sent anything.
        EntraStandIn untrusted = EntraStandIn.StartAsync(TestTls.UntrustedCertificate).GetAwaiter().GetResult();
        try
        {
            using var session = new ModuleSession();
            PSObject status = session.Run(Office365Store("$args[2]") + "Test-MessagingProviderConnection -IdentityStore Cloud",
                untrusted.AuthorityHost.ToString(), _exchange.Endpoint.ToString(), untrusted.ClientSecret).Single();
            Assert.Equal("Offline", status.Properties["Status"].Value.ToString());
            Assert.Equal("EntraUnreachable", status.Properties["ErrorId"].Value);
            Assert.Equal(0, untrusted.TokenRequests);
        }
        finally
        {
            untrusted.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static string Office365Store(string secretExpression) => Scripts.Credential + $@"
        $null = New-IdentityStore -Name Cloud
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId {AppId} -ClientSecret (secure {secretExpression}) -AuthorityHost $args[0] -ExchangeOnlineEndpoint $args[1]
        ";
}

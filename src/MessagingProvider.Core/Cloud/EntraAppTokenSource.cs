using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Cloud;

/// <summary>
/// App-only tokens (client credentials) for an Office 365 identity store, from MSAL's
/// confidential client with the stored certificate or client secret.
/// </summary>
/// <remarks>
/// MSAL keeps its token cache in the application object, so the applications are kept for the
/// life of the session (one per authority, application and credential): the next cmdlet reuses
/// a token that is still valid instead of signing in again.
/// </remarks>
public sealed class EntraAppTokenSource : IAccessTokenSource
{
    private static readonly ConcurrentDictionary<string, Lazy<IConfidentialClientApplication>> Applications =
        new ConcurrentDictionary<string, Lazy<IConfidentialClientApplication>>(StringComparer.Ordinal);

    private readonly Office365Settings _settings;
    private readonly SecretVault _vault;
    private readonly HttpHandlerFactory? _handlerFactory;
    private readonly CloudEndpoints _endpoints;

    public EntraAppTokenSource(Office365Settings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null)
    {
        Office365SignIn kind = settings.EffectiveSignIn;
        bool complete = !string.IsNullOrEmpty(settings.Organization) && kind switch
        {
            Office365SignIn.ManagedIdentity => true,
            Office365SignIn.CertificateStore => !string.IsNullOrEmpty(settings.ApplicationId) && !string.IsNullOrEmpty(settings.CertificateThumbprint),
            Office365SignIn.Certificate => !string.IsNullOrEmpty(settings.ApplicationId) && settings.Certificate is not null,
            _ => !string.IsNullOrEmpty(settings.ApplicationId) && settings.ClientSecret is not null,
        };
        if (!complete)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidOperation,
                "The Office 365 settings need -Organization, -ApplicationId and a -ClientSecret, -CertificatePath or -CertificateThumbprint, or -ManagedIdentity. Complete them with Set-MessagingProvider.");
        }

        _settings = settings;
        _vault = vault;
        _handlerFactory = handlerFactory;
        _endpoints = CloudTable.Resolve(settings);
    }

    public CloudEndpoints Endpoints => _endpoints;

    /// <summary>"certificate &lt;thumbprint&gt;" or "client secret", for verbose output.</summary>
    public string CredentialDescription => _settings.EffectiveSignIn switch
    {
        Office365SignIn.ManagedIdentity => _settings.ManagedIdentityClientId is null ? "system-assigned managed identity" : $"user-assigned managed identity {_settings.ManagedIdentityClientId}",
        Office365SignIn.CertificateStore => $"certificate {_settings.CertificateThumbprint} from the {_settings.CertificateStoreLocation ?? CertificateStoreLocation.CurrentUser}\\My store",
        Office365SignIn.Certificate => $"certificate {_settings.Certificate!.Thumbprint}",
        _ => "client secret",
    };

    public async Task<string> GetAccessTokenAsync(string scope, CancellationToken cancellationToken)
    {
        if (_settings.EffectiveSignIn == Office365SignIn.ManagedIdentity)
        {
            return await ManagedIdentitySignIn.GetAccessTokenAsync(_settings.ManagedIdentityClientId, scope, _handlerFactory, cancellationToken).ConfigureAwait(false);
        }

        var signIn = new EntraSignIn
        {
            Authority = AuthorityText(),
            Tenant = _settings.Organization!,
            ApplicationId = _settings.ApplicationId!,
            Scope = scope,
            CertificateThumbprint = _settings.Certificate?.Thumbprint,
        };
        try
        {
            IConfidentialClientApplication application = Application();
            AuthenticationResult result = await application.AcquireTokenForClient(new[] { scope })
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is MsalException || e is HttpRequestException || e is OperationCanceledException)
        {
            // A timeout surfaces as a cancellation that nobody asked for.
            throw EntraErrorTranslator.Translate(e is OperationCanceledException ? new HttpRequestException("The request timed out.", e) : e, signIn);
        }
    }

    /// <summary>Forgets every cached application and token (tests, and after the settings change).</summary>
    public static void ClearCache() => Applications.Clear();

    private IConfidentialClientApplication Application()
    {
        string key = CacheKey();
        Lazy<IConfidentialClientApplication> entry = Applications.GetOrAdd(key, _ =>
            new Lazy<IConfidentialClientApplication>(Build, LazyThreadSafetyMode.ExecutionAndPublication));
        try
        {
            return entry.Value;
        }
        catch
        {
            // Lazy keeps a failure forever; the next attempt must try again.
            Applications.TryRemove(key, out _);
            throw;
        }
    }

    private IConfidentialClientApplication Build()
    {
        bool customAuthority = _settings.Endpoints?.AuthorityHost is not null;
        Compatibility.DependencyVersionGuard.Require(typeof(ConfidentialClientApplicationBuilder));
        ConfidentialClientApplicationBuilder builder = ConfidentialClientApplicationBuilder.Create(_settings.ApplicationId)
            // An overridden sign-in host is not in Microsoft's list of known clouds: neither
            // validate it against that list nor ask login.microsoftonline.com about it.
            .WithAuthority(AuthorityText(), validateAuthority: !customAuthority)
            .WithInstanceDiscovery(!customAuthority);
        if (_settings.EffectiveSignIn == Office365SignIn.CertificateStore)
        {
            builder = builder.WithCertificate(CertificateStoreLookup.Find(_settings.CertificateThumbprint!, _settings.CertificateStoreLocation ?? CertificateStoreLocation.CurrentUser));
        }
        else if (_settings.Certificate is not null)
        {
            X509Certificate2 certificate = _vault.OpenCertificate(_settings.Certificate);
            builder = builder.WithCertificate(certificate);
        }
        else
        {
            // MSAL takes the secret only as a string; it lives as long as the cached application.
            using var secret = _vault.UnprotectSecureString(_settings.ClientSecret!);
            builder = builder.WithClientSecret(SecretConversion.ToPlainString(secret));
        }

        if (_handlerFactory is not null) builder = builder.WithHttpClientFactory(new MsalHttpClientFactory(_handlerFactory));
        return builder.Build();
    }

    private string AuthorityText() => _endpoints.Authority(_settings.Organization!).ToString().TrimEnd('/');

    private string CacheKey()
    {
        string credential = _settings.EffectiveSignIn == Office365SignIn.CertificateStore
            ? $"store:{_settings.CertificateStoreLocation}:{_settings.CertificateThumbprint}"
            : _settings.Certificate is not null
                ? "cert:" + _settings.Certificate.Thumbprint
                : "secret:" + Fingerprint(_settings.ClientSecret!.Data);
        string handler = _handlerFactory is null ? "default" : RuntimeHelpers.GetHashCode(_handlerFactory).ToString();
        return string.Join("|", AuthorityText(), _settings.ApplicationId, credential, handler);
    }

    private static string Fingerprint(string protectedData)
    {
        using SHA256 sha = SHA256.Create();
        return Convert.ToBase64String(sha.ComputeHash(Encoding.UTF8.GetBytes(protectedData)));
    }
}

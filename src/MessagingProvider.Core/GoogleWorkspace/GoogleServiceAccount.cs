using System;
using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Http;
using MessagingProvider.GoogleWorkspace.Keyless;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>
/// The service account of a Google Workspace identity store, impersonating its administrator
/// (domain-wide delegation), from the stored P12 or JSON key.
/// </summary>
/// <remarks>
/// The credential caches its access token, so credentials are kept for the session (one per
/// service account, administrator, key and token endpoint), like the Entra applications.
/// </remarks>
public static class GoogleServiceAccount
{
    private static readonly ConcurrentDictionary<string, IConfigurableHttpClientInitializer> Credentials =
        new ConcurrentDictionary<string, IConfigurableHttpClientInitializer>(StringComparer.Ordinal);

    public static IConfigurableHttpClientInitializer Credential(GoogleWorkspaceSettings settings, SecretVault vault, HttpHandlerFactory? handlerFactory) =>
        Credential(settings, vault, handlerFactory, GoogleEndpoints.Scopes);

    /// <param name="scopes">The scopes the token is asked for (<see cref="GoogleEndpoints.Scopes"/>, or with the Groups Settings scope); each set has its own cached credential.</param>
    public static IConfigurableHttpClientInitializer Credential(GoogleWorkspaceSettings settings, SecretVault vault, HttpHandlerFactory? handlerFactory, string[] scopes)
    {
        if (settings.EffectiveSignIn == GoogleSignIn.Impersonation) return GoogleKeylessCredentials.Get(settings, handlerFactory, Credentials, scopes);
        if (string.IsNullOrEmpty(settings.ServiceAccount) || string.IsNullOrEmpty(settings.AdminUser) || settings.Key is null)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidOperation,
                "The Google Workspace settings need -ServiceAccount, -AdminUser and -KeyPath. Complete them with Set-MessagingProvider.");
        }

        string key = string.Join("|", settings.ServiceAccount, settings.AdminUser, settings.KeyId, GoogleEndpoints.TokenEndpoint(settings),
            handlerFactory is null ? "default" : RuntimeHelpers.GetHashCode(handlerFactory).ToString(), string.Join(" ", scopes));
        return Credentials.GetOrAdd(key, _ => Create(settings, vault, handlerFactory, scopes));
    }

    public static void ClearCache() => Credentials.Clear();

    private static ServiceAccountCredential Create(GoogleWorkspaceSettings settings, SecretVault vault, HttpHandlerFactory? handlerFactory, string[] scopes)
    {
        var initializer = new ServiceAccountCredential.Initializer(settings.ServiceAccount, GoogleEndpoints.TokenEndpoint(settings).ToString())
        {
            User = settings.AdminUser,
            Scopes = scopes,
        };
        if (handlerFactory is not null) initializer.HttpClientFactory = new GoogleHttpClientFactory(handlerFactory);
        byte[] keyBytes = vault.UnprotectBytes(settings.Key!);
        try
        {
            if (settings.KeyType == GoogleKeyType.P12)
            {
                SecureString? password = settings.KeyPassword is null ? null : vault.UnprotectSecureString(settings.KeyPassword);
                X509Certificate2 certificate = CertificateImporter.Open(keyBytes, password, $"stored P12 key {settings.KeyId}");
                initializer = initializer.FromCertificate(certificate);
            }
            else
            {
                using JsonDocument json = JsonDocument.Parse(keyBytes);
                initializer.KeyId = settings.KeyId;
                initializer = initializer.FromPrivateKey(json.RootElement.GetProperty("private_key").GetString()!);
            }
        }
        finally
        {
            Array.Clear(keyBytes, 0, keyBytes.Length);
        }

        return new ServiceAccountCredential(initializer);
    }
}

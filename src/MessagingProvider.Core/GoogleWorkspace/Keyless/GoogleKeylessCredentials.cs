using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Google.Apis.Http;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.GoogleWorkspace.Keyless;

/// <summary>The session's keyless credentials, one per service account, administrator, endpoints and metadata server.</summary>
internal static class GoogleKeylessCredentials
{
    public static IConfigurableHttpClientInitializer Get(GoogleWorkspaceSettings settings, HttpHandlerFactory? handlerFactory,
        ConcurrentDictionary<string, IConfigurableHttpClientInitializer> cache, string[]? scopes = null)
    {
        if (string.IsNullOrEmpty(settings.ServiceAccount) || string.IsNullOrEmpty(settings.AdminUser))
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidOperation,
                "Keyless Google Workspace sign-in needs -ServiceAccount and -AdminUser. Complete them with Set-MessagingProvider.");
        }

        System.Uri metadata = GoogleMetadataServer.BaseUri();
        string key = string.Join("|", "keyless", settings.ServiceAccount, settings.AdminUser, metadata, GoogleEndpoints.IamCredentials(settings),
            GoogleEndpoints.TokenEndpoint(settings), handlerFactory is null ? "default" : RuntimeHelpers.GetHashCode(handlerFactory).ToString(),
            string.Join(" ", scopes ?? GoogleEndpoints.Scopes));
        return cache.GetOrAdd(key, _ => new GoogleImpersonatedCredential(settings, metadata, handlerFactory, scopes));
    }
}

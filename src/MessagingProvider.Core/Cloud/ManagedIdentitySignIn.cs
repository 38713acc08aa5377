using System;
using System.Collections.Concurrent;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using Microsoft.Identity.Client;
using Microsoft.Identity.Client.AppConfig;

namespace MessagingProvider.Cloud;

/// <summary>
/// App-only tokens from the Azure managed identity of the machine or service the module runs on
/// (system- or user-assigned), through MSAL's managed identity support. MSAL picks the source from
/// the environment: App Service and Azure Automation (IDENTITY_ENDPOINT with IDENTITY_HEADER),
/// Azure Arc (IDENTITY_ENDPOINT with IMDS_ENDPOINT), Cloud Shell (MSI_ENDPOINT), and otherwise the
/// VM's instance metadata service. The application objects are kept for the session so their
/// token cache is reused.
/// </summary>
public static class ManagedIdentitySignIn
{
    private static readonly ConcurrentDictionary<string, IManagedIdentityApplication> Applications =
        new ConcurrentDictionary<string, IManagedIdentityApplication>(StringComparer.OrdinalIgnoreCase);

    public static async Task<string> GetAccessTokenAsync(string? userAssignedClientId, string scope, HttpHandlerFactory? handlerFactory, CancellationToken cancellationToken)
    {
        // A managed identity asks for a resource, not a scope.
        string resource = scope.EndsWith("/.default", StringComparison.Ordinal) ? scope.Substring(0, scope.Length - "/.default".Length) : scope;
        string who = userAssignedClientId is null ? "the system-assigned managed identity" : $"the user-assigned managed identity {userAssignedClientId}";
        try
        {
            IManagedIdentityApplication application = Applications.GetOrAdd(userAssignedClientId ?? "", _ => Build(userAssignedClientId, handlerFactory));
            AuthenticationResult result = await application.AcquireTokenForManagedIdentity(resource).ExecuteAsync(cancellationToken).ConfigureAwait(false);
            return result.AccessToken;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is MsalException || e is HttpRequestException || e is OperationCanceledException)
        {
            throw new MessagingProviderException(ErrorIds.ManagedIdentityUnavailable, ErrorKind.AuthenticationError,
                $"No token for {resource} from {who}: {e.Message} The module must run on an Azure VM, Azure Automation, App Service or an Azure Arc-enabled server with that identity assigned, and the identity needs the app role (Exchange.ManageAsApp, Mail.Send) granted to its service principal.",
                userAssignedClientId, e);
        }
    }

    /// <summary>Forgets the cached applications and their tokens (tests, and after the settings change).</summary>
    public static void ClearCache() => Applications.Clear();

    private static IManagedIdentityApplication Build(string? userAssignedClientId, HttpHandlerFactory? handlerFactory)
    {
        ManagedIdentityId id = userAssignedClientId is null ? ManagedIdentityId.SystemAssigned : ManagedIdentityId.WithUserAssignedClientId(userAssignedClientId);
        ManagedIdentityApplicationBuilder builder = ManagedIdentityApplicationBuilder.Create(id);
        if (handlerFactory is not null) builder = builder.WithHttpClientFactory(new MsalHttpClientFactory(handlerFactory));
        return builder.Build();
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Google Workspace is Online when the delegated token is granted and the Directory API answers for the administrator.</summary>
public static class GoogleWorkspaceStatusProbe
{
    public static async Task<ProviderConnectionInfo> CheckAsync(string identityStore, GoogleWorkspaceSettings settings, SecretVault vault,
        HttpHandlerFactory? handlerFactory, Action<string>? verbose, CancellationToken cancellationToken) =>
        await SignInProbe.RunAsync(identityStore, MessagingProviderType.GoogleWorkspace, GoogleEndpoints.DirectoryApi(settings).ToString(), async () =>
        {
            verbose?.Invoke($"Signing in to {GoogleEndpoints.TokenEndpoint(settings)} as service account {settings.ServiceAccount} for {settings.AdminUser} ({settings.KeyType} key {settings.KeyId}).");
            using var client = new GoogleDirectoryClient(settings, vault, handlerFactory, verbose: verbose);
            DirectoryUser admin = await client.GetUserAsync(settings.AdminUser!, cancellationToken).ConfigureAwait(false);
            return $"Signed in as {settings.ServiceAccount} for {settings.AdminUser}; the Directory API answered for {admin.PrimaryEmail}.";
        }).ConfigureAwait(false);
}

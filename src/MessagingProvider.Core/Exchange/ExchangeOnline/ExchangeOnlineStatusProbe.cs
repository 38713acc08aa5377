using System;
using System.Collections;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// Office 365 is Online when a token is granted and one cheap command (Get-AcceptedDomain)
/// succeeds with it; otherwise Offline, with the reason.
/// </summary>
public static class ExchangeOnlineStatusProbe
{
    public static async Task<ProviderConnectionInfo> CheckAsync(string identityStore, Office365Settings settings, SecretVault vault,
        HttpHandlerFactory? handlerFactory, Action<string>? verbose, CancellationToken cancellationToken)
    {
        CloudEndpoints endpoints = CloudTable.Resolve(settings);
        return await SignInProbe.RunAsync(identityStore, MessagingProviderType.Office365, endpoints.ExchangeOnlineEndpoint.ToString(), async () =>
        {
            var tokens = new EntraAppTokenSource(settings, vault, handlerFactory);
            verbose?.Invoke($"Signing in to {endpoints.AuthorityHost} as application {settings.ApplicationId} with the {tokens.CredentialDescription}.");
            using var runner = new ExchangeOnlineCommandRunner(endpoints.ExchangeOnlineEndpoint, settings.Organization!, tokens, handlerFactory) { Verbose = verbose };
            int domains = (await runner.InvokeAsync("Get-AcceptedDomain", new Hashtable(), cancellationToken).ConfigureAwait(false)).Count;
            return $"Signed in as application {settings.ApplicationId}; Get-AcceptedDomain returned {domains} accepted domain(s).";
        }).ConfigureAwait(false);
    }
}

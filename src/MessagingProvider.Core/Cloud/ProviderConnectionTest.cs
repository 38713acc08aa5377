using System;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.Cloud;

/// <summary>Checks that an identity store's cloud provider signs in and answers (Office 365 or Google Workspace).</summary>
public static class ProviderConnectionTest
{
    public static Task<ProviderConnectionInfo> CheckAsync(IdentityStoreDocument document, SecretVault vault, HttpHandlerFactory? handlerFactory,
        Action<string>? verbose, CancellationToken cancellationToken)
    {
        MessagingProviderSettings messaging = document.Messaging;
        return messaging.Provider switch
        {
            MessagingProviderType.Office365 when messaging.Office365 is not null =>
                ExchangeOnlineStatusProbe.CheckAsync(document.Name, messaging.Office365, vault, handlerFactory, verbose, cancellationToken),
            MessagingProviderType.GoogleWorkspace when messaging.GoogleWorkspace is not null =>
                GoogleWorkspaceStatusProbe.CheckAsync(document.Name, messaging.GoogleWorkspace, vault, handlerFactory, verbose, cancellationToken),
            _ => throw new MessagingProviderException(ErrorIds.ConnectionTestNotSupported, ErrorKind.InvalidOperation,
                $"The identity store '{document.Name}' uses the messaging provider {messaging.Provider}; only Office365 and GoogleWorkspace connections are tested here. For Exchange on premises, see the server status of Get-ExchangeServer.",
                document.Name),
        };
    }
}

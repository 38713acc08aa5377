using System;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.GoogleWorkspace;

namespace MessagingProvider.Recipients;

/// <summary>The provider implementation for an identity store.</summary>
public static class MailEnabledObjectProviders
{
    /// <param name="verbose">What happens (endpoints, commands, retries); never a secret or token.</param>
    /// <param name="warning">What the user must act on (Exchange Online's warnings, the Office 365 group membership notice).</param>
    /// <param name="handlerFactory">The cloud clients' innermost HTTP handler; null in production.</param>
    public static IMailEnabledObjectProvider For(ConfigurationStore store, IdentityStoreDocument document, Action<string>? verbose = null,
        Action<string>? warning = null, HttpHandlerFactory? handlerFactory = null)
    {
        MailEnabledObjectRules.RequireProvider(document);
        MessagingProviderSettings messaging = document.Messaging;
        switch (messaging.Provider)
        {
            case MessagingProviderType.Exchange:
                ExchangeSettings exchange = ExchangeProviderGuard.Require(document);
                return new ExchangeMailEnabledObjectProvider(document.Name, new OnPremisesRecipientCommands(exchange), ExchangeCommandRunner.For(store, document, verbose), warning);
            case MessagingProviderType.Office365 when messaging.Office365 is not null:
                return ExchangeOnlineObjectProvider.Create(document.Name, messaging.Office365, store.Secrets, verbose, warning, handlerFactory);
            case MessagingProviderType.GoogleWorkspace when messaging.GoogleWorkspace is not null:
                return GoogleMailEnabledObjectProvider.Create(document.Name, messaging.GoogleWorkspace, store.Secrets, verbose, handlerFactory);
            case MessagingProviderType.Other when document.Messaging.Other is not null:
                return new OtherMailEnabledObjectProvider(document);
            default:
                throw new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
                    $"Mail-enabled objects for the {document.Messaging.Provider} provider of identity store '{document.Name}' are not available in this version of the module.",
                    document.Name);
        }
    }
}

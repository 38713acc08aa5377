using System;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Remoting;

namespace MessagingProvider.Recipients;

/// <summary>The provider implementation for an identity store (the cloud providers register here later).</summary>
public static class MailEnabledObjectProviders
{
    public static IMailEnabledObjectProvider For(ConfigurationStore store, IdentityStoreDocument document, Action<string>? verbose = null)
    {
        MailEnabledObjectRules.RequireProvider(document);
        switch (document.Messaging.Provider)
        {
            case MessagingProviderType.Exchange:
                return new ExchangeMailEnabledObjectProvider(document.Name, ExchangeProviderGuard.Require(document), ExchangeCommandRunner.For(store, document, verbose));
            case MessagingProviderType.Other when document.Messaging.Other is not null:
                return new OtherMailEnabledObjectProvider(document);
            default:
                throw new MessagingProviderException(ExchangeErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
                    $"Mail-enabled objects for the {document.Messaging.Provider} provider of identity store '{document.Name}' are not available in this version of the module.",
                    document.Name);
        }
    }
}

using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange;

public static class ExchangeProviderGuard
{
    /// <summary>The store's Exchange settings, or a clear error when its provider is not Exchange.</summary>
    public static ExchangeSettings Require(IdentityStoreDocument document)
    {
        if (document.Messaging.Provider == MessagingProviderType.Exchange && document.Messaging.Exchange is not null)
        {
            return document.Messaging.Exchange;
        }

        throw new MessagingProviderException(ErrorIds.ProviderNotConfigured, ErrorKind.InvalidOperation,
            $"The identity store '{document.Name}' uses the messaging provider {document.Messaging.Provider}, not Exchange. Run Set-MessagingProvider -IdentityStore '{document.Name}' -Provider Exchange first.",
            document.Name);
    }
}

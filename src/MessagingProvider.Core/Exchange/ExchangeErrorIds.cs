namespace MessagingProvider.Exchange;

/// <summary>The stable error identifiers of the Exchange features.</summary>
public static class ExchangeErrorIds
{
    public const string NoExchangeServer = "NoExchangeServer";
    public const string ExchangeServersUnavailable = "ExchangeServersUnavailable";
    public const string ExchangeCommandFailed = "ExchangeCommandFailed";
    public const string InvalidEmailAddresses = "InvalidEmailAddresses";
    public const string ExcludedDomainAddress = "ExcludedDomainAddress";
    public const string InvalidAlias = "InvalidAlias";
    public const string PasswordNotAllowed = "PasswordNotAllowed";
    public const string NoMessagingProvider = "NoMessagingProvider";
    public const string ProviderNotSupported = "ProviderNotSupported";
    public const string RecipientNotFound = "RecipientNotFound";
}

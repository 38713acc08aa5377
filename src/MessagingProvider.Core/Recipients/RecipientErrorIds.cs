namespace MessagingProvider.Recipients;

/// <summary>The stable error identifiers of the mail-enabled object life cycle (reading, removing, address checks).</summary>
public static class RecipientErrorIds
{
    /// <summary>The address's domain is not an accepted domain of the organisation.</summary>
    public const string DomainNotAccepted = "DomainNotAccepted";

    /// <summary>Another recipient, alias or proxy address already holds the address.</summary>
    public const string EmailAddressInUse = "EmailAddressInUse";

    /// <summary>-ResultSize is neither a positive number nor Unlimited.</summary>
    public const string InvalidResultSize = "InvalidResultSize";

    /// <summary>Exchange Online cloud objects have no directory object to keep: they are removed, not disabled.</summary>
    public const string ExchangeOnlineDisableNotSupported = "ExchangeOnlineDisableNotSupported";

    /// <summary>A Google group or user is an address: there is nothing to keep without one.</summary>
    public const string GoogleDisableNotSupported = "GoogleDisableNotSupported";
}

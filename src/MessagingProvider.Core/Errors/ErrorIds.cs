namespace MessagingProvider.Errors;

/// <summary>The stable error identifiers of the configuration layer.</summary>
public static class ErrorIds
{
    public const string IdentityStoreNotFound = "IdentityStoreNotFound";
    public const string IdentityStoreAlreadyExists = "IdentityStoreAlreadyExists";
    public const string InvalidIdentityStoreName = "InvalidIdentityStoreName";
    public const string ConfigurationCorrupt = "ConfigurationCorrupt";
    public const string ConfigurationVersionUnsupported = "ConfigurationVersionUnsupported";
    public const string ConfigurationDirectoryUnavailable = "ConfigurationDirectoryUnavailable";
    public const string ConfigurationLocked = "ConfigurationLocked";
    public const string SecretProtectionFailed = "SecretProtectionFailed";
    public const string InvalidDomainName = "InvalidDomainName";
    public const string InvalidServerName = "InvalidServerName";
    public const string InvalidAliasPattern = "InvalidAliasPattern";
    public const string InvalidMaximumAliasLength = "InvalidMaximumAliasLength";
    public const string InvalidEmailAddress = "InvalidEmailAddress";
    public const string InvalidApplicationId = "InvalidApplicationId";
    public const string CertificatePasswordIncorrect = "CertificatePasswordIncorrect";
    public const string CertificateFileInvalid = "CertificateFileInvalid";
    public const string CertificateHasNoPrivateKey = "CertificateHasNoPrivateKey";
    public const string KeyFileInvalid = "KeyFileInvalid";
    public const string FileNotFound = "FileNotFound";
    public const string ParameterNotValidForProvider = "ParameterNotValidForProvider";
    public const string ProviderSettingsIncomplete = "ProviderSettingsIncomplete";
    public const string ProviderNotConfigured = "ProviderNotConfigured";
    public const string ExchangeServerNotFound = "ExchangeServerNotFound";
    public const string ExchangeServerAlreadyExists = "ExchangeServerAlreadyExists";
    public const string ExchangeServerPriorityOutOfRange = "ExchangeServerPriorityOutOfRange";
    public const string InvalidEndpoint = "InvalidEndpoint";
    public const string EntraClientSecretInvalid = "EntraClientSecretInvalid";
    public const string EntraClientSecretExpired = "EntraClientSecretExpired";
    public const string EntraCertificateNotRegistered = "EntraCertificateNotRegistered";
    public const string EntraClientAssertionInvalid = "EntraClientAssertionInvalid";
    public const string EntraAdminConsentMissing = "EntraAdminConsentMissing";
    public const string EntraClientCredentialMissing = "EntraClientCredentialMissing";
    public const string EntraTenantNotFound = "EntraTenantNotFound";
    public const string EntraApplicationNotFound = "EntraApplicationNotFound";
    public const string EntraResourceNotFound = "EntraResourceNotFound";
    public const string EntraSignInFailed = "EntraSignInFailed";
    public const string EntraUnreachable = "EntraUnreachable";
    public const string ExchangeCommandFailed = "ExchangeCommandFailed";
    public const string ExchangeOnlineUnauthorized = "ExchangeOnlineUnauthorized";
    public const string ExchangeOnlinePermissionDenied = "ExchangeOnlinePermissionDenied";
    public const string ExchangeOnlineThrottled = "ExchangeOnlineThrottled";
    public const string ExchangeOnlineUnreachable = "ExchangeOnlineUnreachable";
    public const string ExchangeOnlineInvalidResponse = "ExchangeOnlineInvalidResponse";
    public const string ExchangeParameterNotSupported = "ExchangeParameterNotSupported";
    public const string GoogleDelegationNotGranted = "GoogleDelegationNotGranted";
    public const string GoogleAdminUserInvalid = "GoogleAdminUserInvalid";
    public const string GoogleKeyRejected = "GoogleKeyRejected";
    public const string GoogleClockSkew = "GoogleClockSkew";
    public const string GoogleSignInFailed = "GoogleSignInFailed";
    public const string GoogleUnreachable = "GoogleUnreachable";
    public const string GoogleRateLimited = "GoogleRateLimited";
    public const string GoogleDirectoryRequestFailed = "GoogleDirectoryRequestFailed";
    public const string ConnectionTestNotSupported = "ConnectionTestNotSupported";
}

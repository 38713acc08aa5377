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
    public const string EmailProviderDomainNotFound = "EmailProviderDomainNotFound";
    public const string EmailProviderDomainAlreadyExists = "EmailProviderDomainAlreadyExists";
    public const string MailServerNotFound = "MailServerNotFound";
    public const string MailServerAlreadyExists = "MailServerAlreadyExists";
    public const string InvalidMailServerName = "InvalidMailServerName";
    public const string MailServerNeedsReceiveOrSend = "MailServerNeedsReceiveOrSend";
    public const string MailServerSettingsIncomplete = "MailServerSettingsIncomplete";
    public const string ParameterNotValidForMailServer = "ParameterNotValidForMailServer";
    public const string MailServerInUse = "MailServerInUse";
    public const string MailAccountNotFound = "MailAccountNotFound";
    public const string MailAccountAlreadyExists = "MailAccountAlreadyExists";
    public const string MailServerNotDetermined = "MailServerNotDetermined";
    public const string MailAccountLoginRequired = "MailAccountLoginRequired";
    public const string MailAccountLoginNotAllowed = "MailAccountLoginNotAllowed";
    public const string MailAccountPasswordRequired = "MailAccountPasswordRequired";
    public const string InvalidDnsServer = "InvalidDnsServer";
    public const string EmailDomainNotFound = "EmailDomainNotFound";
    public const string DnsQueryTimeout = "DnsQueryTimeout";
    public const string DnsQueryFailed = "DnsQueryFailed";
    public const string MailAccountTestNotSupported = "MailAccountTestNotSupported";
    public const string MailAccountTestFailed = "MailAccountTestFailed";
}

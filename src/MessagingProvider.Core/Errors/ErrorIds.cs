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
    public const string SmtpServerNotConfigured = "SmtpServerNotConfigured";
    public const string SmtpSettingsIncomplete = "SmtpSettingsIncomplete";
    public const string InvalidPort = "InvalidPort";
    public const string InvalidTokenEndpoint = "InvalidTokenEndpoint";
    public const string InvalidPortalUrl = "InvalidPortalUrl";
    public const string InvalidDays = "InvalidDays";
    public const string InvalidCertificateThumbprint = "InvalidCertificateThumbprint";
    public const string SmtpHostNotFound = "SmtpHostNotFound";
    public const string SmtpConnectionRefused = "SmtpConnectionRefused";
    public const string SmtpTimeout = "SmtpTimeout";
    public const string SmtpTlsFailed = "SmtpTlsFailed";
    public const string SmtpCertificateInvalid = "SmtpCertificateInvalid";
    public const string SmtpStartTlsNotOffered = "SmtpStartTlsNotOffered";
    public const string SmtpGreetingFailed = "SmtpGreetingFailed";
    public const string SmtpAuthNotOffered = "SmtpAuthNotOffered";
    public const string SmtpAuthenticationFailed = "SmtpAuthenticationFailed";
    public const string SmtpIntegratedAuthUnavailable = "SmtpIntegratedAuthUnavailable";
    public const string OAuthTokenRefused = "OAuthTokenRefused";
    public const string OAuthTokenEndpointUnreachable = "OAuthTokenEndpointUnreachable";
    public const string SmtpRecipientRejected = "SmtpRecipientRejected";
    public const string SmtpSenderRejected = "SmtpSenderRejected";
    public const string SmtpMessageRejected = "SmtpMessageRejected";
    public const string SmtpConnectionLost = "SmtpConnectionLost";
    public const string NotificationTemplateInvalid = "NotificationTemplateInvalid";
    public const string NotificationRecipientNotFound = "NotificationRecipientNotFound";
}

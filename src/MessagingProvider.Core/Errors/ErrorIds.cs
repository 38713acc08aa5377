namespace MessagingProvider.Errors;

/// <summary>Every stable error identifier (the first part of an error record's FullyQualifiedErrorId); values never change.</summary>
public static class ErrorIds
{
    public const string IdentityStoreNotFound = "IdentityStoreNotFound";
    public const string DependencyVersionConflict = "DependencyVersionConflict";
    public const string IdentityStoreAlreadyExists = "IdentityStoreAlreadyExists";
    public const string InvalidIdentityStoreName = "InvalidIdentityStoreName";
    public const string ConfigurationCorrupt = "ConfigurationCorrupt";
    public const string ConfigurationVersionUnsupported = "ConfigurationVersionUnsupported";
    public const string ConfigurationDirectoryUnavailable = "ConfigurationDirectoryUnavailable";
    public const string ConfigurationLocked = "ConfigurationLocked";
    public const string SecretProtectionFailed = "SecretProtectionFailed";
    public const string SecretKeyMissing = "SecretKeyMissing";
    public const string SecretKeyInsecure = "SecretKeyInsecure";
    public const string MachineKeyMissing = "MachineKeyMissing";
    public const string MachineKeyInsecure = "MachineKeyInsecure";
    public const string MachineKeyAccessDenied = "MachineKeyAccessDenied";
    public const string SecretCertificateUnavailable = "SecretCertificateUnavailable";
    public const string ProtectionCertificateRequired = "ProtectionCertificateRequired";
    public const string ProtectionCertificateInvalid = "ProtectionCertificateInvalid";
    public const string ProtectionCertificateNotFound = "ProtectionCertificateNotFound";
    public const string ProtectionGroupNotFound = "ProtectionGroupNotFound";
    public const string ProtectionKeyGroupInvalid = "ProtectionKeyGroupInvalid";
    public const string StoreExportInvalid = "StoreExportInvalid";
    public const string StoreExportVersionUnsupported = "StoreExportVersionUnsupported";
    public const string StoreExportUnreadable = "StoreExportUnreadable";
    public const string StoreExportProtectionRequired = "StoreExportProtectionRequired";
    public const string StoreExportExists = "StoreExportExists";
    public const string StoreExportUnwritable = "StoreExportUnwritable";
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
    public const string ExchangeBasicRequiresSsl = "ExchangeBasicRequiresSsl";
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
    public const string OutboxUnavailable = "OutboxUnavailable";
    public const string OutboxVersionUnsupported = "OutboxVersionUnsupported";
    public const string NotificationDeferred = "NotificationDeferred";
    public const string QueuedNotificationNotFound = "QueuedNotificationNotFound";
    public const string QueuedNotificationInUse = "QueuedNotificationInUse";
    public const string InvalidNotificationDeliverySetting = "InvalidNotificationDeliverySetting";
    public const string NotificationTemplateInvalid = "NotificationTemplateInvalid";
    public const string NotificationTemplateTooLarge = "NotificationTemplateTooLarge";
    public const string NotificationTemplateNotFound = "NotificationTemplateNotFound";
    public const string InvalidCulture = "InvalidCulture";
    public const string NotificationRecipientNotFound = "NotificationRecipientNotFound";
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
    public const string GraphSendMailFailed = "GraphSendMailFailed";
    public const string GraphUnreachable = "GraphUnreachable";
    public const string MailboxLogonRequired = "MailboxLogonRequired";
    public const string MailboxLogonDeclined = "MailboxLogonDeclined";
    public const string MailboxLogonExpired = "MailboxLogonExpired";
    public const string MailboxTokenCacheUnreadable = "MailboxTokenCacheUnreadable";
    public const string GraphDeliveryRequiresOffice365 = "GraphDeliveryRequiresOffice365";
    public const string GraphDeliveryApplicationIncomplete = "GraphDeliveryApplicationIncomplete";
    public const string GraphDeliveryFromMissing = "GraphDeliveryFromMissing";
    public const string NotificationDeliveryFromNotUsed = "NotificationDeliveryFromNotUsed";
    public const string GraphMailSendDenied = "GraphMailSendDenied";
    public const string GraphMailboxNotFound = "GraphMailboxNotFound";
    public const string GraphThrottled = "GraphThrottled";
    public const string NotificationDeliveryNotSupported = "NotificationDeliveryNotSupported";
    public const string EntraSmtpClientNotConfigured = "EntraSmtpClientNotConfigured";
    public const string EntraSmtpClientSettingsIncomplete = "EntraSmtpClientSettingsIncomplete";
    public const string EntraSmtpClientTestRequired = "EntraSmtpClientTestRequired";
    public const string EntraSmtpClientNotEnabled = "EntraSmtpClientNotEnabled";
    public const string ExchangeOnlineMailboxNotSupported = "ExchangeOnlineMailboxNotSupported";
    public const string GoogleGroupExists = "GoogleGroupExists";
    public const string GoogleUserNotSupported = "GoogleUserNotSupported";
    public const string GoogleContactNotSupported = "GoogleContactNotSupported";
    public const string GooglePrimaryAddressChangeNotSupported = "GooglePrimaryAddressChangeNotSupported";
    public const string OrganizationalUnitNotSupported = "OrganizationalUnitNotSupported";

    // Exchange and mail-enabled objects
    public const string NoExchangeServer = "NoExchangeServer";
    public const string ExchangeServersUnavailable = "ExchangeServersUnavailable";
    public const string InvalidEmailAddresses = "InvalidEmailAddresses";
    public const string ExcludedDomainAddress = "ExcludedDomainAddress";
    public const string InvalidAlias = "InvalidAlias";
    public const string PasswordNotAllowed = "PasswordNotAllowed";
    public const string NoMessagingProvider = "NoMessagingProvider";
    public const string ProviderNotSupported = "ProviderNotSupported";
    public const string RecipientNotFound = "RecipientNotFound";

    /// <summary>A Set-MailEnabled* setting the provider has no equivalent for (Google: hidden from address lists, sender authentication, a user's or contact's settings).</summary>
    public const string SettingNotSupported = "SettingNotSupported";

    /// <summary>Google refused a token with the Groups Settings scope (domain-wide delegation lacks https://www.googleapis.com/auth/apps.groups.settings).</summary>
    public const string GroupsSettingsScopeNotGranted = "GroupsSettingsScopeNotGranted";

    /// <summary>A Groups Settings API request (GET or PATCH of a group's settings) failed for another reason than the scope.</summary>
    public const string GroupsSettingsRequestFailed = "GroupsSettingsRequestFailed";

    /// <summary>-Type on Enable-MailEnabledGroup against Exchange on premises: the directory group's own type decides.</summary>
    public const string GroupTypeNotSupported = "GroupTypeNotSupported";

    /// <summary>The object was created or mail-enabled, but the Set- that follows it (settings its New-/Enable- cmdlet lacks) failed.</summary>
    public const string SettingsAfterCreateFailed = "SettingsAfterCreateFailed";

    /// <summary>A staged SMTP test failed in a stage that named no more precise id.</summary>
    public const string SmtpTestFailed = "SmtpTestFailed";

    // Refusals caused by a platform change (Exchange Online retiring Basic authentication for SMTP AUTH): the messages say what changed and what to do instead.

    /// <summary>535 5.7.139: SMTP AUTH (client authentication) is disabled for the tenant or mailbox.</summary>
    public const string SmtpBasicAuthDisabled = "SmtpBasicAuthDisabled";

    /// <summary>550 5.7.30: Basic authentication is not supported for client submission.</summary>
    public const string SmtpBasicAuthNotSupported = "SmtpBasicAuthNotSupported";

    /// <summary>535 5.7.3: Exchange Online refused the sign-in (credentials, security defaults, MFA, or SMTP AUTH off).</summary>
    public const string SmtpSignInRefusedByTenant = "SmtpSignInRefusedByTenant";

    /// <summary>530/550 5.7.57: the client is not authenticated to send mail.</summary>
    public const string SmtpClientNotAuthenticated = "SmtpClientNotAuthenticated";

    // Test-MessagingReadiness.

    /// <summary>Microsoft Graph refused to show the app registration (no Application.Read.All).</summary>
    public const string AppRegistrationReadDenied = "AppRegistrationReadDenied";

    /// <summary>Microsoft Graph answered reading the app registration with another error.</summary>
    public const string AppRegistrationReadFailed = "AppRegistrationReadFailed";

    /// <summary>The HTML report could not be written to -Path.</summary>
    public const string ReadinessReportUnwritable = "ReadinessReportUnwritable";

    /// <summary>Send-Notification -Event ReadinessFindings got something else than a readiness finding.</summary>
    public const string ReadinessFindingExpected = "ReadinessFindingExpected";

    // Office 365 sign-ins that keep no secret in the store.

    /// <summary>No certificate with the stored thumbprint in the chosen certificate store.</summary>
    public const string AppCertificateNotFound = "AppCertificateNotFound";

    /// <summary>The managed identity endpoint is missing, unreachable or refused the token.</summary>
    public const string ManagedIdentityUnavailable = "ManagedIdentityUnavailable";

    // The mail-enabled object life cycle (reading, removing, address checks).

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

    /// <summary>-ExchangeVersion names no Exchange version the module knows.</summary>
    public const string InvalidExchangeVersion = "InvalidExchangeVersion";

    /// <summary>Keyless Google sign-in: the metadata server (GCE/GKE, or GCE_METADATA_HOST) gave no ambient token.</summary>
    public const string GoogleMetadataServerUnavailable = "GoogleMetadataServerUnavailable";

    /// <summary>Keyless Google sign-in: the IAM Credentials API refused signJwt for the service account.</summary>
    public const string GoogleSignJwtRefused = "GoogleSignJwtRefused";
}

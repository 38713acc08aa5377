using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using MessagingProvider.Configuration;

namespace MessagingProvider.Providers;

/// <summary>
/// What Set-MessagingProvider was asked to change. A null member was not given and keeps its
/// stored value (when the provider stays the same).
/// </summary>
public sealed class ProviderChange
{
    public MessagingProviderType Provider { get; set; }

    /// <summary>The names of the parameters the user gave, to check they fit the provider.</summary>
    public ICollection<string> GivenParameters { get; set; } = new List<string>();

    public string? Domain { get; set; }

    public ExchangeVersion? Version { get; set; }
    public PSCredential? Credential { get; set; }
    public string[]? Servers { get; set; }
    public ExchangeDeployment? Deployment { get; set; }
    public ExchangeAuthentication? Authentication { get; set; }
    public bool? UseSsl { get; set; }
    public ExchangeCreateMethod? CreateMethod { get; set; }
    public string[]? ExcludedSmtpDomains { get; set; }

    public CloudEnvironment? Cloud { get; set; }
    public string? Organization { get; set; }
    public string? ApplicationId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string? CertificatePath { get; set; }
    public SecureString? CertificatePassword { get; set; }
    public string? CertificateThumbprint { get; set; }
    public CertificateStoreLocation? CertificateStoreLocation { get; set; }
    public bool ManagedIdentity { get; set; }
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>Endpoint overrides: an empty string removes the override.</summary>
    public string? AuthorityHost { get; set; }
    public string? GraphEndpoint { get; set; }
    public string? ExchangeOnlineEndpoint { get; set; }

    /// <summary>The date the user says the client secret expires (kept for the readiness report when Graph cannot be read).</summary>
    public DateTimeOffset? ClientSecretExpiry { get; set; }

    public string? ServiceAccount { get; set; }

    /// <summary>Google: key file or keyless impersonation; null keeps the stored kind (a -KeyPath means KeyFile).</summary>
    public GoogleSignIn? GoogleSignIn { get; set; }

    /// <summary>Google IAM Credentials API override: an empty string removes it.</summary>
    public string? IamCredentialsEndpoint { get; set; }
    public string? AdminUser { get; set; }
    public string? KeyPath { get; set; }
    public SecureString? KeyPassword { get; set; }

    /// <summary>Google endpoint overrides: an empty string removes the override.</summary>
    public string? TokenEndpoint { get; set; }
    public string? DirectoryApiEndpoint { get; set; }

    public int? MaximumAliasLength { get; set; }
    public string? AliasPattern { get; set; }
}

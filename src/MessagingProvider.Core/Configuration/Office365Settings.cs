using System;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum CloudEnvironment
{
    Global,
    USGovGCCHigh,
    USGovDoD,
    China,
}

public sealed class Office365Settings
{
    public CloudEnvironment Cloud { get; set; } = CloudEnvironment.Global;

    public string? Domain { get; set; }

    /// <summary>The tenant, e.g. contoso.onmicrosoft.com.</summary>
    public string? Organization { get; set; }

    public string? ApplicationId { get; set; }

    public ProtectedSecret? ClientSecret { get; set; }

    /// <summary>When the client secret expires, as the user gave it (-ClientSecretExpiry); null when not given.</summary>
    public DateTimeOffset? ClientSecretExpiry { get; set; }

    public StoredCertificate? Certificate { get; set; }

    /// <summary>The kind of sign-in; null in documents written before it was recorded (then Certificate or ClientSecret, whichever is stored).</summary>
    public Office365SignIn? SignIn { get; set; }

    /// <summary>CertificateStore: the certificate's SHA-1 thumbprint, as the certificate store shows it.</summary>
    public string? CertificateThumbprint { get; set; }

    /// <summary>CertificateStore: CurrentUser or LocalMachine (My store).</summary>
    public CertificateStoreLocation? CertificateStoreLocation { get; set; }

    /// <summary>ManagedIdentity: the client ID of a user-assigned identity; null for the system-assigned one.</summary>
    public string? ManagedIdentityClientId { get; set; }

    /// <summary>The sign-in in effect.</summary>
    public Office365SignIn EffectiveSignIn => SignIn ?? (Certificate is not null ? Office365SignIn.Certificate : Office365SignIn.ClientSecret);

    /// <summary>Replacements for the cloud's endpoints; null when the cloud's own are used.</summary>
    public Office365EndpointOverrides? Endpoints { get; set; }
}

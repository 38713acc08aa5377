namespace MessagingProvider.Configuration;

/// <summary>How the Office 365 app signs in to Microsoft Entra ID (app-only).</summary>
public enum Office365SignIn
{
    /// <summary>A client secret, stored protected.</summary>
    ClientSecret,
    /// <summary>A certificate imported from a PFX, stored protected.</summary>
    Certificate,
    /// <summary>A certificate found by thumbprint in the certificate store of this computer (nothing secret stored).</summary>
    CertificateStore,
    /// <summary>The Azure managed identity of the machine or service the module runs on (nothing secret stored).</summary>
    ManagedIdentity,
}

/// <summary>Where a certificate found by thumbprint is looked for.</summary>
public enum CertificateStoreLocation
{
    CurrentUser,
    LocalMachine,
}

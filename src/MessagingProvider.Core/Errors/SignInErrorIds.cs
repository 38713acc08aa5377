namespace MessagingProvider.Errors;

/// <summary>Error ids of the Office 365 sign-ins that keep no secret in the store.</summary>
public static class SignInErrorIds
{
    /// <summary>No certificate with the stored thumbprint in the chosen certificate store.</summary>
    public const string AppCertificateNotFound = "AppCertificateNotFound";

    /// <summary>The managed identity endpoint is missing, unreachable or refused the token.</summary>
    public const string ManagedIdentityUnavailable = "ManagedIdentityUnavailable";
}

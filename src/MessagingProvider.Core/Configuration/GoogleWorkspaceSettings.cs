using System;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum GoogleKeyType
{
    P12,
    Json,
}

/// <summary>How the service account signs its token requests.</summary>
public enum GoogleSignIn
{
    /// <summary>With the stored P12 or JSON key.</summary>
    KeyFile,

    /// <summary>Keyless: the ambient credential (metadata server) has the IAM Credentials API sign the JWT.</summary>
    Impersonation,
}

public sealed class GoogleWorkspaceSettings
{
    /// <summary>Null in documents written before keyless sign-in existed (then KeyFile).</summary>
    public GoogleSignIn? SignIn { get; set; }

    public GoogleSignIn EffectiveSignIn => SignIn ?? GoogleSignIn.KeyFile;

    /// <summary>Replaces the IAM Credentials API root (https://iamcredentials.googleapis.com/); null for Google's own.</summary>
    public Uri? IamCredentialsEndpoint { get; set; }

    /// <summary>The service account's email address.</summary>
    public string? ServiceAccount { get; set; }

    /// <summary>The administrator the service account impersonates (domain-wide delegation).</summary>
    public string? AdminUser { get; set; }

    public GoogleKeyType KeyType { get; set; }

    /// <summary>The key file's bytes, protected.</summary>
    public ProtectedSecret? Key { get; set; }

    /// <summary>The P12 password, protected (JSON keys have none).</summary>
    public ProtectedSecret? KeyPassword { get; set; }

    /// <summary>P12: certificate thumbprint; JSON: private_key_id.</summary>
    public string? KeyId { get; set; }

    public DateTimeOffset? KeyNotAfter { get; set; }

    /// <summary>Replaces Google's OAuth 2.0 token endpoint (https://oauth2.googleapis.com/token); null for Google's own.</summary>
    public Uri? TokenEndpoint { get; set; }

    /// <summary>Replaces the Admin SDK's root (https://admin.googleapis.com/); null for Google's own.</summary>
    public Uri? DirectoryApiEndpoint { get; set; }
}

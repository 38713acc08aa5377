using System;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum GoogleKeyType
{
    P12,
    Json,
}

public sealed class GoogleWorkspaceSettings
{
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

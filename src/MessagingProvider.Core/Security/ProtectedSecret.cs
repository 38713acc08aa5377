namespace MessagingProvider.Security;

/// <summary>A secret as stored at rest: never the plain text, only the protection scheme and its output.</summary>
public sealed class ProtectedSecret
{
    /// <summary>"dpapi-user" or "aes256gcm-v1".</summary>
    public string Scheme { get; set; } = "";

    /// <summary>Base64 of the protected bytes.</summary>
    public string Data { get; set; } = "";

    /// <summary>What output shows instead of the secret.</summary>
    public const string Mask = "********";
}

namespace MessagingProvider.Security;

/// <summary>A secret as stored at rest: never the plain text, only the protection scheme and its output.</summary>
public sealed class ProtectedSecret
{
    /// <summary>
    /// "aes256gcm-v2" / "dpapi-user-v2": bound to <see cref="Place"/> (authenticated data, DPAPI
    /// entropy); "aes256gcm-v1" / "dpapi-user": unbound, as stores written before binding have them.
    /// </summary>
    public string Scheme { get; set; } = "";

    /// <summary>Base64 of the protected bytes.</summary>
    public string Data { get; set; } = "";

    /// <summary>
    /// Where the secret is: identity store and field path (e.g. "contoso/smtp.password"). Never
    /// stored: it is worked out from the value's position each time a document is read, so a value
    /// moved to another field (or store) is decrypted for the wrong place and refused.
    /// </summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public string? Place { get; set; }

    /// <summary>What output shows instead of the secret.</summary>
    public const string Mask = "********";
}

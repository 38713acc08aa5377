namespace MessagingProvider.Cloud;

/// <summary>What a sign-in attempt was, for error messages (never the secret).</summary>
public sealed class EntraSignIn
{
    public string Authority { get; set; } = "";
    public string Tenant { get; set; } = "";
    public string ApplicationId { get; set; } = "";
    public string Scope { get; set; } = "";

    /// <summary>Null when the client secret was used.</summary>
    public string? CertificateThumbprint { get; set; }
}

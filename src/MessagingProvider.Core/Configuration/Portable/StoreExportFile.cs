namespace MessagingProvider.Configuration.Portable;

/// <summary>The names and versions of the export file format.</summary>
internal static class StoreExportFile
{
    public const string FormatName = "MessagingProvider.IdentityStore";

    /// <summary>The format this code writes; a newer one is refused.</summary>
    public const int FormatVersion = 1;

    public const string SecretScheme = "export-v1";

    public const string PasswordKind = "Password";

    public const string CertificateKind = "Certificate";

    public const string Kdf = "PBKDF2-HMAC-SHA256";
}

using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration.Portable;

/// <summary>
/// Writes an identity store as a portable file: every setting as stored, every secret re-encrypted
/// with a key from a password or sealed to certificates (never in plain text), and the whole store
/// section authenticated, so the file can travel to another job server and be checked on arrival.
/// </summary>
public static class StoreExporter
{
    /// <summary>Refuses a protection that is missing, doubled, weak or made of unusable certificates (before anything is asked or written).</summary>
    public static void Check(StoreExportProtection protection, DateTimeOffset now)
    {
        bool byPassword = protection.Password is not null;
        bool byCertificate = protection.Certificates.Count > 0;
        if (byPassword == byCertificate)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportProtectionRequired, ErrorKind.InvalidArgument,
                "An export protects its secrets with either a password (-Password) or certificates (-Certificate, -CertificateThumbprint, -CertificatePath): give exactly one of them.");
        }

        if (byPassword && protection.Password!.Length < StoreExportKey.MinimumPasswordLength)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportProtectionRequired, ErrorKind.InvalidArgument,
                $"The export password must have at least {StoreExportKey.MinimumPasswordLength} characters: whoever gets the file can try passwords offline.");
        }

        foreach (var certificate in protection.Certificates) ProtectionCertificates.Describe(certificate, now);
    }

    public static byte[] Export(IdentityStoreDocument document, SecretVault vault, StoreExportProtection protection, DateTimeOffset now)
    {
        Check(protection, now);
        bool byPassword = protection.Password is not null;
        bool byCertificate = protection.Certificates.Count > 0;
        byte[] salt = StoreExportKey.RandomBytes(16);
        string? envelope = null;
        using StoreExportKey key = byPassword ? StoreExportKey.FromPassword(protection.Password!, salt, StoreExportKey.PasswordIterations) : StoreExportKey.NewRandom();
        if (byCertificate) envelope = key.SealTo(protection.Certificates);

        foreach ((ProtectedSecret secret, string _) in SecretPlaces.Of(document))
        {
            byte[] plain = vault.UnprotectBytes(secret);
            try
            {
                secret.Data = key.Encrypt(plain);
                secret.Scheme = StoreExportFile.SecretScheme;
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        byte[] store = JsonSerializer.SerializeToUtf8Bytes(document, ConfigurationJson.Options);
        using var output = new MemoryStream();
        using (var writer = new Utf8JsonWriter(output, new JsonWriterOptions { Indented = true }))
        {
            writer.WriteStartObject();
            writer.WriteString("format", StoreExportFile.FormatName);
            writer.WriteNumber("formatVersion", StoreExportFile.FormatVersion);
            writer.WriteString("exported", now);
            writer.WriteStartObject("protection");
            if (byPassword)
            {
                writer.WriteString("kind", StoreExportFile.PasswordKind);
                writer.WriteString("kdf", StoreExportFile.Kdf);
                writer.WriteNumber("iterations", StoreExportKey.PasswordIterations);
                writer.WriteString("salt", Convert.ToBase64String(salt));
            }
            else
            {
                writer.WriteString("kind", StoreExportFile.CertificateKind);
                writer.WriteString("key", envelope);
                writer.WriteStartArray("certificates");
                foreach (string thumbprint in protection.Certificates.Select(c => c.Thumbprint)) writer.WriteStringValue(thumbprint);
                writer.WriteEndArray();
            }

            writer.WriteEndObject();
            writer.WritePropertyName("store");
            writer.WriteRawValue(store, skipInputValidation: true);
            writer.WriteString("mac", Convert.ToBase64String(key.Authenticate(store)));
            writer.WriteEndObject();
        }

        return output.ToArray();
    }

    /// <summary>Writes the export in one step, readable by its owner only; an existing file is replaced only when asked.</summary>
    public static void Save(string path, byte[] content, bool replace)
    {
        if (File.Exists(path) && !replace)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportExists, ErrorKind.AlreadyExists,
                $"The file '{path}' already exists. Add -Force to replace it, or choose another path.", path);
        }

        try
        {
            AtomicFile.Write(path, content);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportUnwritable, ErrorKind.PermissionDenied,
                $"The export file '{path}' cannot be written: {e.Message}", path, e);
        }
    }
}

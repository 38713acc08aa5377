using System;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Text.Json;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>Imports a Google service-account key: a P12 file (password "notasecret" by default) or a JSON key.</summary>
public static class GoogleKeyImporter
{
    public const string DefaultP12Password = "notasecret";

    public static void Import(string path, SecureString? password, SecretVault vault, GoogleWorkspaceSettings target)
    {
        byte[] content = CertificateImporter.ReadKeyFile(path);
        try
        {
            if (LooksLikeJson(content))
            {
                ImportJson(path, content, vault, target);
            }
            else
            {
                ImportP12(path, content, password, vault, target);
            }
        }
        finally
        {
            Array.Clear(content, 0, content.Length);
        }
    }

    private static bool LooksLikeJson(byte[] content)
    {
        foreach (byte b in content)
        {
            if (b == (byte)'{') return true;
            if (b != (byte)' ' && b != (byte)'\t' && b != (byte)'\r' && b != (byte)'\n' && b != 0xEF && b != 0xBB && b != 0xBF) return false;
        }

        return false;
    }

    private static void ImportP12(string path, byte[] content, SecureString? password, SecretVault vault, GoogleWorkspaceSettings target)
    {
        SecureString effective = password ?? SecretConversion.ToSecureString(Encoding.UTF8.GetBytes(DefaultP12Password));
        using X509Certificate2 certificate = CertificateImporter.Open(content, effective, path);
        target.KeyType = GoogleKeyType.P12;
        target.Key = vault.Protect(content);
        target.KeyPassword = vault.Protect(effective);
        target.KeyId = certificate.Thumbprint;
        target.KeyNotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero);
    }

    private static void ImportJson(string path, byte[] content, SecretVault vault, GoogleWorkspaceSettings target)
    {
        string? keyId;
        try
        {
            using JsonDocument json = JsonDocument.Parse(content);
            JsonElement root = json.RootElement;
            string? type = GetString(root, "type");
            string? privateKey = GetString(root, "private_key");
            keyId = GetString(root, "private_key_id");
            if (type != "service_account" || string.IsNullOrEmpty(privateKey))
            {
                throw Invalid(path, "it is not a service-account key (\"type\": \"service_account\" with a \"private_key\")", null);
            }

            VerifyPrivateKey(path, privateKey!);
            string? email = GetString(root, "client_email");
            if (!string.IsNullOrEmpty(email) && string.IsNullOrEmpty(target.ServiceAccount)) target.ServiceAccount = email;
        }
        catch (JsonException e)
        {
            throw Invalid(path, $"it is not valid JSON ({e.Message})", e);
        }

        target.KeyType = GoogleKeyType.Json;
        target.Key = vault.Protect(content);
        target.KeyPassword = null;
        target.KeyId = keyId;
        target.KeyNotAfter = null;
    }

    private static void VerifyPrivateKey(string path, string pem)
    {
#if NET
        try
        {
            using var rsa = System.Security.Cryptography.RSA.Create();
            rsa.ImportFromPem(pem);
        }
        catch (Exception e) when (e is ArgumentException || e is System.Security.Cryptography.CryptographicException)
        {
            throw Invalid(path, "its private_key is not a readable RSA key", e);
        }
#else
        if (pem.IndexOf("-----BEGIN PRIVATE KEY-----", StringComparison.Ordinal) < 0)
        {
            throw Invalid(path, "its private_key is not a PEM private key", null);
        }
#endif
    }

    private static string? GetString(JsonElement root, string name) =>
        root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String
            ? value.GetString()
            : null;

    private static MessagingProviderException Invalid(string path, string why, Exception? inner) =>
        new MessagingProviderException(ErrorIds.KeyFileInvalid, ErrorKind.InvalidData,
            $"The key file '{path}' cannot be used: {why}. Download a new key for the service account in the Google Cloud console.", path, inner);
}

using System;
using System.Security;
using System.Text;
using System.Text.Json;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration.Portable;

/// <summary>
/// Reads an export file back into an identity store document whose secrets are held only for this
/// process (<see cref="SecretVault.Protect(byte[])"/>), so writing the document protects them with
/// the target's scope. Refuses a newer format, a wrong password and any change to the file.
/// </summary>
public static class StoreImporter
{
    public static IdentityStoreDocument Read(byte[] content, string path, SecureString? password)
    {
        using JsonDocument file = Parse(content, path);
        JsonElement root = file.RootElement;
        if (root.ValueKind != JsonValueKind.Object || Text(root, "format") != StoreExportFile.FormatName)
        {
            throw Invalid(path, $"it is not an identity store export (no \"format\": \"{StoreExportFile.FormatName}\")");
        }

        int version = root.TryGetProperty("formatVersion", out JsonElement v) && v.ValueKind == JsonValueKind.Number ? v.GetInt32() : 0;
        if (version > StoreExportFile.FormatVersion) throw Newer(path, $"export format {version}", StoreExportFile.FormatVersion);
        if (version < 1) throw Invalid(path, "it has no \"formatVersion\"");
        if (!root.TryGetProperty("protection", out JsonElement protection) || !root.TryGetProperty("store", out JsonElement storeElement) || Text(root, "mac") is not string mac)
        {
            throw Invalid(path, "it lacks \"protection\", \"store\" or \"mac\"");
        }

        byte[] store = Encoding.UTF8.GetBytes(storeElement.GetRawText());
        using StoreExportKey key = KeyOf(protection, path, password);
        if (!key.IsAuthentic(store, FromBase64(mac, path)))
        {
            throw new MessagingProviderException(ErrorIds.StoreExportUnreadable, ErrorKind.SecurityError,
                $"The export file '{path}' cannot be opened: the password is wrong, or the file was changed after it was exported. Nothing was imported.", path);
        }

        int schema = storeElement.TryGetProperty("schemaVersion", out JsonElement s) && s.ValueKind == JsonValueKind.Number ? s.GetInt32() : 0;
        if (schema > IdentityStoreDocument.CurrentSchemaVersion) throw Newer(path, $"configuration schema {schema}", IdentityStoreDocument.CurrentSchemaVersion);

        IdentityStoreDocument document = JsonSerializer.Deserialize<IdentityStoreDocument>(store, ConfigurationJson.Options)
            ?? throw Invalid(path, "its store section is empty");
        IdentityStoreName.Validate(document.Name);
        foreach ((ProtectedSecret secret, string place) in SecretPlaces.Of(document))
        {
            if (secret.Scheme != StoreExportFile.SecretScheme) throw Invalid(path, $"the secret at '{place}' is not protected for export");
            byte[] plain = key.Decrypt(secret.Data);
            try
            {
                ProtectedSecret held = ProcessSecretProtector.Instance.Protect(plain);
                secret.Scheme = held.Scheme;
                secret.Data = held.Data;
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        return document;
    }

    private static StoreExportKey KeyOf(JsonElement protection, string path, SecureString? password)
    {
        switch (Text(protection, "kind"))
        {
            case StoreExportFile.PasswordKind:
                if (password is null)
                {
                    throw new MessagingProviderException(ErrorIds.StoreExportProtectionRequired, ErrorKind.InvalidArgument,
                        $"The export file '{path}' is protected with a password: give it with -Password.", path);
                }

                if (Text(protection, "kdf") != StoreExportFile.Kdf || Text(protection, "salt") is not string salt ||
                    !protection.TryGetProperty("iterations", out JsonElement iterations) || iterations.ValueKind != JsonValueKind.Number || iterations.GetInt32() < 100_000)
                {
                    throw Invalid(path, "its password protection is not one this module writes");
                }

                return StoreExportKey.FromPassword(password, FromBase64(salt, path), iterations.GetInt32());
            case StoreExportFile.CertificateKind:
                if (Text(protection, "key") is not string envelope) throw Invalid(path, "its certificate protection has no key");
                return StoreExportKey.FromEnvelope(envelope);
            default:
                throw Invalid(path, "its protection kind is unknown");
        }
    }

    private static JsonDocument Parse(byte[] content, string path)
    {
        try
        {
            return JsonDocument.Parse(content);
        }
        catch (JsonException e)
        {
            throw Invalid(path, "it is not JSON: " + e.Message);
        }
    }

    private static string? Text(JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out JsonElement value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] FromBase64(string text, string path)
    {
        try
        {
            return Convert.FromBase64String(text);
        }
        catch (FormatException)
        {
            throw Invalid(path, "a value that should be base64 is not");
        }
    }

    private static MessagingProviderException Invalid(string path, string why) =>
        new MessagingProviderException(ErrorIds.StoreExportInvalid, ErrorKind.InvalidData, $"The file '{path}' cannot be imported: {why}.", path);

    private static MessagingProviderException Newer(string path, string what, int understood) =>
        new MessagingProviderException(ErrorIds.StoreExportVersionUnsupported, ErrorKind.NotSupported,
            $"The file '{path}' was written with {what}, newer than this module understands ({understood}). Update the MessagingProvider module on this machine; nothing was imported.", path);
}

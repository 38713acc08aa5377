using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Nodes;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration.Portable;

/// <summary>
/// Lists the settings in which two identity store documents differ (a drift check between job
/// servers). Secrets are compared by value through a keyed digest that lives only in this call,
/// and shown masked.
/// </summary>
public static class StoreComparer
{
    private const string DigestScheme = "compare";
    private static readonly HashSet<string> Ignored = new HashSet<string>(StringComparer.Ordinal) { "schemaVersion", "name", "created", "modified" };

    public static List<StoreDifference> Compare(IdentityStoreDocument file, IdentityStoreDocument stored, SecretVault vault)
    {
        byte[] digestKey = new byte[32];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(digestKey);
        using var digest = new HMACSHA256(digestKey);
        SortedDictionary<string, string> fromFile = Flatten(Comparable(file, vault, digest));
        SortedDictionary<string, string> fromStore = Flatten(Comparable(stored, vault, digest));

        var differences = new List<StoreDifference>();
        foreach (string setting in fromFile.Keys.Union(fromStore.Keys).OrderBy(k => k, StringComparer.Ordinal))
        {
            bool inFile = fromFile.TryGetValue(setting, out string? fileValue);
            bool inStore = fromStore.TryGetValue(setting, out string? storedValue);
            if (inFile && inStore && fileValue == storedValue) continue;
            differences.Add(new StoreDifference
            {
                IdentityStore = stored.Name,
                Setting = setting,
                Difference = !inStore ? StoreDifferenceKind.OnlyInFile : !inFile ? StoreDifferenceKind.OnlyInStore : StoreDifferenceKind.Changed,
                FileValue = Shown(fileValue),
                StoredValue = Shown(storedValue),
            });
        }

        return differences;
    }

    /// <summary>A copy whose secrets are replaced by their keyed digest, so equal values compare equal whatever protects them.</summary>
    private static JsonNode Comparable(IdentityStoreDocument document, SecretVault vault, HMACSHA256 digest)
    {
        IdentityStoreDocument copy = JsonSerializer.Deserialize<IdentityStoreDocument>(JsonSerializer.SerializeToUtf8Bytes(document, ConfigurationJson.Options), ConfigurationJson.Options)!;
        List<(ProtectedSecret Secret, string Place)> copies = SecretPlaces.Of(copy);
        List<(ProtectedSecret Secret, string Place)> originals = SecretPlaces.Of(document);
        for (int i = 0; i < copies.Count; i++)
        {
            byte[] plain = vault.UnprotectBytes(originals[i].Secret);
            try
            {
                copies[i].Secret.Scheme = DigestScheme;
                copies[i].Secret.Data = Convert.ToBase64String(digest.ComputeHash(plain));
            }
            finally
            {
                Array.Clear(plain, 0, plain.Length);
            }
        }

        return JsonSerializer.SerializeToNode(copy, ConfigurationJson.Options)!;
    }

    private static SortedDictionary<string, string> Flatten(JsonNode document)
    {
        var settings = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (KeyValuePair<string, JsonNode?> property in document.AsObject())
        {
            if (!Ignored.Contains(property.Key)) Add(settings, property.Key, property.Value);
        }

        return settings;
    }

    private static void Add(SortedDictionary<string, string> settings, string path, JsonNode? node)
    {
        switch (node)
        {
            case null:
                return;
            case JsonObject secret when secret["scheme"]?.GetValue<string>() == DigestScheme:
                settings[path] = "\u0000secret:" + secret["data"]!.GetValue<string>();
                return;
            case JsonObject obj:
                foreach (KeyValuePair<string, JsonNode?> property in obj) Add(settings, path + "." + property.Key, property.Value);
                return;
            case JsonArray array:
                for (int i = 0; i < array.Count; i++) Add(settings, $"{path}[{i}]", array[i]);
                return;
            default:
                JsonValue value = node.AsValue();
                settings[path] = value.TryGetValue(out string? text) ? text! : value.ToJsonString();
                return;
        }
    }

    private static string? Shown(string? value) => value is not null && value.StartsWith("\u0000secret:", StringComparison.Ordinal) ? ProtectedSecret.Mask : value;
}

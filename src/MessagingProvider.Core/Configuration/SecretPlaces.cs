using System;
using System.Collections;
using System.Collections.Generic;
using System.Reflection;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

/// <summary>
/// Where each secret of an identity store document is: "store/field.path", list entries by their
/// name rather than their position (removing one mail account must not move the others). Secrets
/// are bound to that place when the document is written and checked against it when read, so an
/// attacker who can edit the JSON cannot move the Exchange password into smtp.password and point
/// SMTP at their own host.
/// </summary>
internal static class SecretPlaces
{
    private const int MaximumDepth = 12;

    /// <summary>Marks every secret of a document just read with the place it was found at.</summary>
    public static void Assign(IdentityStoreDocument document)
    {
        foreach ((ProtectedSecret secret, string place) in Of(document)) secret.Place = place;
    }

    /// <summary>
    /// Binds every secret of a document about to be written to its place with the store's protection:
    /// re-protects new, unbound and moved ones, or every one when <paramref name="reprotectAll"/> (the
    /// protection changed).
    /// </summary>
    public static void Bind(IdentityStoreDocument document, SecretVault vault, bool reprotectAll)
    {
        List<(ProtectedSecret Secret, string Place)> secrets = Of(document);
        if (secrets.Count == 0) return;
        vault.Bind(secrets, vault.ProtectorFor(document.Protection), reprotectAll);
    }

    public static List<(ProtectedSecret Secret, string Place)> Of(IdentityStoreDocument document)
    {
        var found = new List<(ProtectedSecret, string)>();
        Walk(document, IdentityStoreName.FileKey(document.Name) + "/", found, 0);
        return found;
    }

    private static void Walk(object node, string path, List<(ProtectedSecret, string)> found, int depth)
    {
        if (depth > MaximumDepth) return;
        foreach (PropertyInfo property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (!property.CanRead || !property.CanWrite || property.GetIndexParameters().Length > 0) continue;
            if (property.GetCustomAttribute<System.Text.Json.Serialization.JsonIgnoreAttribute>() is not null) continue;
            object? value = property.GetValue(node);
            string here = path + char.ToLowerInvariant(property.Name[0]) + property.Name.Substring(1);
            switch (value)
            {
                case null:
                case string:
                    continue;
                case ProtectedSecret secret:
                    found.Add((secret, here));
                    continue;
                case IEnumerable items:
                    int index = 0;
                    foreach (object? item in items)
                    {
                        if (item is not null && IsOurs(item.GetType())) Walk(item, $"{here}[{KeyOf(item) ?? index.ToString(System.Globalization.CultureInfo.InvariantCulture)}].", found, depth + 1);
                        index++;
                    }

                    continue;
                default:
                    if (IsOurs(value.GetType())) Walk(value, here + ".", found, depth + 1);
                    continue;
            }
        }
    }

    private static bool IsOurs(Type type) => !type.IsPrimitive && !type.IsEnum && type.Namespace?.StartsWith("MessagingProvider", StringComparison.Ordinal) == true;

    private static string? KeyOf(object entry) => entry switch
    {
        MailServerEntry server => server.Name.ToLowerInvariant(),
        MailAccountEntry account => account.EmailAddress.ToLowerInvariant(),
        _ => null,
    };
}

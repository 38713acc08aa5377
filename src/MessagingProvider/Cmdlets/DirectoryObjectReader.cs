using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Notifications;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Reads whatever an administrator has — Get-ADUser/Get-ADGroup output, [pscustomobject]s,
/// hashtables, or plain address strings — into a <see cref="DirectoryObject"/>. Property names
/// are matched case-insensitively with the usual AD/Exchange aliases. Related objects (members,
/// owners, manager, direct reports) are read one level deeper so groups can be expanded.
/// </summary>
internal static class DirectoryObjectReader
{
    private const int MaxDepth = 3;

    private static readonly string[] MailNames = { "Mail", "EmailAddress", "PrimarySmtpAddress", "WindowsEmailAddress" };
    private static readonly string[] NameNames = { "DisplayName", "Name", "SamAccountName" };
    private static readonly string[] OwnerNames = { "Owners", "ManagedBy", "Owner", "AdditionalOwners" };

    public static DirectoryObject Read(object? input, int depth = 0)
    {
        object? value = input is PSObject pso ? pso.BaseObject : input;
        if (value is string text) return FromString(text);
        var result = new DirectoryObject();
        if (value is null) return result;

        PropertyBagReader.Fill(result.Properties, input!);
        result.Mail = Text(input!, MailNames);
        result.Name = Text(input!, NameNames) ?? result.Mail ?? "";
        string? objectClass = Text(input!, "ObjectClass", "RecipientType", "Type");
        object? members = Get(input!, "Members", "Member");
        result.Kind = KindOf(objectClass, members is not null);
        result.Security = SecurityOf(Text(input!, "GroupSecurity", "SecurityType", "Security"));
        if (depth >= MaxDepth) return result;

        foreach (object item in Items(members)) result.Members.Add(Read(item, depth + 1));
        foreach (string name in OwnerNames) foreach (object item in Items(Get(input!, name))) result.Owners.Add(Read(item, depth + 1));
        if (Get(input!, "Manager") is object manager) result.Manager = Read(manager, depth + 1);
        foreach (object item in Items(Get(input!, "DirectReports"))) result.DirectReports.Add(Read(item, depth + 1));
        return result;
    }

    private static DirectoryObject FromString(string text)
    {
        // An address is usable; a distinguished name or bare name has no mail to send to.
        if (RecipientAddresses.TryParse(text.Trim(), out string address)) return new DirectoryObject { Name = address, Mail = address, Kind = DirectoryObjectKind.Unknown };
        return new DirectoryObject { Name = text.Trim() };
    }

    private static DirectoryObjectKind KindOf(string? objectClass, bool hasMembers)
    {
        string c = (objectClass ?? "").ToLowerInvariant();
        if (c.Contains("group")) return DirectoryObjectKind.Group;
        if (c.Contains("contact")) return DirectoryObjectKind.Contact;
        if (c.Contains("user") || c.Contains("mailbox") || c == "person") return DirectoryObjectKind.User;
        return hasMembers ? DirectoryObjectKind.Group : DirectoryObjectKind.User;
    }

    private static GroupSecurity? SecurityOf(string? text)
    {
        string t = (text ?? "").Replace("-", "").Replace(" ", "");
        if (t.Equals("Public", StringComparison.OrdinalIgnoreCase)) return GroupSecurity.Public;
        if (t.Equals("SemiPrivate", StringComparison.OrdinalIgnoreCase)) return GroupSecurity.SemiPrivate;
        if (t.Equals("Private", StringComparison.OrdinalIgnoreCase)) return GroupSecurity.Private;
        return null;
    }

    private static IEnumerable<object> Items(object? value)
    {
        object? v = value is PSObject p ? p.BaseObject : value;
        if (v is null) yield break;
        if (v is string || v is IDictionary || !(v is IEnumerable list))
        {
            yield return value!;
            yield break;
        }

        foreach (object? item in list)
        {
            if (item is not null) yield return item;
        }
    }

    private static string? Text(object input, params string[] names)
    {
        object? value = Get(input, names);
        object? v = value is PSObject p ? p.BaseObject : value;
        if (v is IEnumerable e && !(v is string)) v = e.Cast<object?>().FirstOrDefault();
        string? s = v?.ToString();
        return string.IsNullOrWhiteSpace(s) ? null : s!.Trim();
    }

    private static object? Get(object input, params string[] names)
    {
        object? target = input is PSObject p ? p.BaseObject : input;
        if (target is IDictionary dictionary)
        {
            foreach (string name in names)
            {
                foreach (DictionaryEntry entry in dictionary)
                {
                    if (string.Equals(entry.Key?.ToString(), name, StringComparison.OrdinalIgnoreCase) && entry.Value is not null) return entry.Value;
                }
            }

            return null;
        }

        PSObject wrapped = PSObject.AsPSObject(input);
        foreach (string name in names)
        {
            PSPropertyInfo? property = wrapped.Properties[name];
            if (property is null) continue;
            object? value;
            try
            {
                value = property.Value;
            }
            catch (GetValueException)
            {
                continue;
            }

            if (value is not null) return value;
        }

        return null;
    }
}

using System;
using System.Collections.Generic;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Every property of an object as the administrator piped it in (Get-ADUser -Properties *, a
/// [pscustomobject], a hashtable, an Exchange recipient), names case-insensitive. Values are
/// strings, numbers, booleans, dates, arrays (object[]) of those for multi-valued properties, or
/// nested bags. The cmdlet fills it; Core never sees a PowerShell type.
/// </summary>
public sealed class PropertyBag : Dictionary<string, object?>
{
    public PropertyBag()
        : base(StringComparer.OrdinalIgnoreCase)
    {
    }

    /// <summary>The first non-empty text value among <paramref name="names"/> (multi-valued: its first item).</summary>
    public string? Text(params string[] names)
    {
        foreach (string name in names)
        {
            if (!TryGetValue(name, out object? value)) continue;
            if (value is object?[] items) value = items.Length > 0 ? items[0] : null;
            string? text = value?.ToString()?.Trim();
            if (!string.IsNullOrEmpty(text)) return text;
        }

        return null;
    }
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Notifications.Templates;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Copies every property of a piped object (Get-ADUser -Properties *, Get-ADGroup, a
/// [pscustomobject], a hashtable, an Exchange recipient, deserialized or not) into a Core
/// <see cref="PropertyBag"/>: scalars as they are, collections as arrays, nested objects as bags
/// (one level), binary values left out. Core templates never see a PowerShell type.
/// </summary>
internal static class PropertyBagReader
{
    private const int MaxItems = 1000;

    public static void Fill(PropertyBag bag, object input, int depth = 0)
    {
        object? target = input is PSObject p ? p.BaseObject : input;
        if (target is string) return;
        if (target is IDictionary dictionary)
        {
            foreach (DictionaryEntry entry in dictionary)
            {
                if (entry.Key?.ToString() is string key && key.Length > 0) bag[key] = Convert(entry.Value, depth);
            }

            return;
        }

        foreach (PSPropertyInfo property in PSObject.AsPSObject(input).Properties)
        {
            object? value;
            try
            {
                value = property.Value;
            }
            catch (Exception e) when (e is GetValueException || e is InvalidOperationException || e is NotSupportedException)
            {
                continue;
            }

            bag[property.Name] = Convert(value, depth);
        }
    }

    private static object? Convert(object? value, int depth)
    {
        object? v = value is PSObject p ? p.BaseObject : value;
        switch (v)
        {
            case null:
                return null;
            case string or bool or int or long or short or byte or uint or ulong or ushort or sbyte or double or float or decimal or DateTime or DateTimeOffset or TimeSpan:
                return v;
            case Enum or Guid:
                return v.ToString();
            case byte[]:
                return null; // thumbnailPhoto, objectGUID…: nothing a notification can show
            case IDictionary:
                return Nested(value!, depth);
            case IEnumerable items:
                var list = new List<object?>();
                foreach (object? item in items)
                {
                    if (list.Count >= MaxItems) break;
                    list.Add(Convert(item, depth));
                }

                return list.ToArray();
            case PSCustomObject:
                return Nested(value!, depth);
            default:
                return v.ToString();
        }
    }

    private static object? Nested(object value, int depth)
    {
        if (depth >= 1) return (value is PSObject p ? p.BaseObject : value).ToString();
        var bag = new PropertyBag();
        Fill(bag, value, depth + 1);
        return bag;
    }
}

using System;
using System.Globalization;
using MessagingProvider.Errors;

namespace MessagingProvider.Notifications.Templates;

public static class TemplateCultures
{
    /// <summary>The language of the built-in templates.</summary>
    public static readonly CultureInfo BuiltIn = CultureInfo.GetCultureInfo("en-US");

    /// <summary>A culture name as the store keeps it ("de-de" → "de-DE"); an unknown name is an error.</summary>
    public static CultureInfo Require(string name, string parameter)
    {
        if (TryGet(name, out CultureInfo culture) && culture.Name.Length > 0) return culture;
        throw new MessagingProviderException(ErrorIds.InvalidCulture, ErrorKind.InvalidArgument,
            $"-{parameter} '{name}' is not a culture name. Give a name such as en-US, de-DE, fr-FR or ja-JP.", name);
    }

    public static bool TryGet(string? name, out CultureInfo culture)
    {
        culture = CultureInfo.InvariantCulture;
        if (string.IsNullOrWhiteSpace(name)) return false;
        try
        {
            culture = CultureInfo.GetCultureInfo(name!.Trim().Replace('_', '-'));
        }
        catch (CultureNotFoundException)
        {
            return false;
        }

        // Globalization-invariant hosts and ICU accept any well-formed tag; a culture with no language is no answer.
        return culture.Name.Length > 0 && !string.Equals(culture.ThreeLetterISOLanguageName, "ivl", StringComparison.OrdinalIgnoreCase);
    }
}

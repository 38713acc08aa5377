using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// The languages a recipient object asks for, in this order: preferredLanguage (Entra ID, AD),
/// msExchUserCulture (Exchange), Languages (Get-Mailbox, first item), then the country: c (ISO
/// code, "DE") or co (name, "Germany"), which picks a template whose culture has that region.
/// </summary>
public static class RecipientLanguage
{
    public static readonly string[] LanguageProperties = { "preferredLanguage", "msExchUserCulture", "Languages" };
    public static readonly string[] CountryProperties = { "c", "co", "Country", "CountryOrRegion" };

    /// <summary>The first of <paramref name="available"/> (template cultures) the recipient asks for, or null.</summary>
    public static CultureInfo? Choose(PropertyBag? recipient, IReadOnlyCollection<CultureInfo> available)
    {
        if (recipient is null || available.Count == 0) return null;
        foreach (string property in LanguageProperties)
        {
            if (!TemplateCultures.TryGet(recipient.Text(property), out CultureInfo wanted)) continue;
            CultureInfo? match = Match(wanted, available);
            if (match is not null) return match;
        }

        foreach (string property in CountryProperties)
        {
            string? country = recipient.Text(property);
            if (country is null) continue;
            CultureInfo? match = available.FirstOrDefault(c => RegionMatches(c, country));
            if (match is not null) return match;
        }

        return null;
    }

    /// <summary>The same culture, else the same language (de-AT asks, de-DE is there).</summary>
    public static CultureInfo? Match(CultureInfo wanted, IReadOnlyCollection<CultureInfo> available) =>
        available.FirstOrDefault(c => c.Name.Equals(wanted.Name, StringComparison.OrdinalIgnoreCase))
        ?? available.FirstOrDefault(c => c.TwoLetterISOLanguageName.Equals(wanted.TwoLetterISOLanguageName, StringComparison.OrdinalIgnoreCase));

    private static bool RegionMatches(CultureInfo culture, string country)
    {
        if (culture.IsNeutralCulture) return false;
        try
        {
            var region = new RegionInfo(culture.Name);
            return region.TwoLetterISORegionName.Equals(country, StringComparison.OrdinalIgnoreCase)
                || region.EnglishName.Equals(country, StringComparison.OrdinalIgnoreCase)
                || region.NativeName.Equals(country, StringComparison.OrdinalIgnoreCase)
                || region.DisplayName.Equals(country, StringComparison.OrdinalIgnoreCase);
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}

using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Which template a recipient gets: the store's template in the recipient's language (see
/// <see cref="RecipientLanguage"/>), else in the store's default culture, else the store's
/// template for any language, else the built-in English one.
/// </summary>
public static class TemplateSelector
{
    public static SelectedTemplate For(NotificationSettings settings, NotificationEvent notificationEvent, PropertyBag? recipient)
    {
        Dictionary<CultureInfo, NotificationTemplate> byCulture = CustomByCulture(settings, notificationEvent);
        NotificationTemplate? anyLanguage = settings.Templates.TryGetValue(notificationEvent, out NotificationTemplate? t) ? LegacyPlaceholders.Upgrade(t) : null;

        // A template for any language stands in for the built-in one: it is what the administrator chose.
        var available = byCulture.Keys.ToList();
        if (anyLanguage is null) available.Add(TemplateCultures.BuiltIn);

        CultureInfo? chosen = RecipientLanguage.Choose(recipient, available);
        if (chosen is null && TemplateCultures.TryGet(settings.DefaultCulture, out CultureInfo defaultCulture)) chosen = RecipientLanguage.Match(defaultCulture, available);
        if (chosen is not null && byCulture.TryGetValue(chosen, out NotificationTemplate? custom)) return new SelectedTemplate(custom, chosen, isCustom: true, chosen.Name);
        if (chosen is null && anyLanguage is not null) return new SelectedTemplate(anyLanguage, DefaultCulture(settings), isCustom: true, templateCulture: null);
        return new SelectedTemplate(BuiltInTemplates.For(notificationEvent), TemplateCultures.BuiltIn, isCustom: false, TemplateCultures.BuiltIn.Name);
    }

    /// <summary>The template set for exactly this culture (null: for any language), or null when there is none.</summary>
    public static NotificationTemplate? Custom(NotificationSettings settings, NotificationEvent notificationEvent, string? culture)
    {
        if (culture is null) return settings.Templates.TryGetValue(notificationEvent, out NotificationTemplate? any) ? LegacyPlaceholders.Upgrade(any) : null;
        return settings.CultureTemplates is not null && settings.CultureTemplates.TryGetValue(culture, out var events) && events.TryGetValue(notificationEvent, out NotificationTemplate? template) ? template : null;
    }

    /// <summary>The cultures with a template of the store's own (for any event).</summary>
    public static IEnumerable<string> CustomCultures(NotificationSettings settings) => settings.CultureTemplates?.Where(c => c.Value.Count > 0).Select(c => c.Key) ?? Enumerable.Empty<string>();

    public static CultureInfo DefaultCulture(NotificationSettings settings) => TemplateCultures.TryGet(settings.DefaultCulture, out CultureInfo culture) ? culture : TemplateCultures.BuiltIn;

    private static Dictionary<CultureInfo, NotificationTemplate> CustomByCulture(NotificationSettings settings, NotificationEvent notificationEvent)
    {
        var result = new Dictionary<CultureInfo, NotificationTemplate>();
        if (settings.CultureTemplates is null) return result;
        foreach (var pair in settings.CultureTemplates)
        {
            if (pair.Value.TryGetValue(notificationEvent, out NotificationTemplate? template) && TemplateCultures.TryGet(pair.Key, out CultureInfo culture)) result[culture] = template;
        }

        return result;
    }
}

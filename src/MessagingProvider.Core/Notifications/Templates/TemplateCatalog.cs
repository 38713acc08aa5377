using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications.Templates;

/// <summary>What Get-NotificationTemplate and Export-NotificationTemplate list.</summary>
public static class TemplateCatalog
{
    public static IEnumerable<NotificationEvent> AllEvents => Enum.GetValues(typeof(NotificationEvent)).Cast<NotificationEvent>();

    /// <summary>
    /// Per event: with <paramref name="culture"/>, the template a recipient asking for it gets;
    /// without, the template of the store's default language, then each template set for a culture.
    /// </summary>
    public static IEnumerable<NotificationTemplateInfo> List(IdentityStoreDocument document, IEnumerable<NotificationEvent> events, CultureInfo? culture)
    {
        NotificationSettings settings = document.Notifications;
        foreach (NotificationEvent e in events)
        {
            PropertyBag? asks = culture is null ? null : new PropertyBag { ["preferredLanguage"] = culture.Name };
            SelectedTemplate selected = TemplateSelector.For(settings, e, asks);
            yield return Info(document, e, selected.IsCustom ? selected.TemplateCulture ?? "" : selected.Culture.Name, selected.IsCustom, selected.Template);
            if (culture is not null) continue;
            foreach (string c in TemplateSelector.CustomCultures(settings).OrderBy(c => c, StringComparer.OrdinalIgnoreCase))
            {
                if (selected.IsCustom && selected.TemplateCulture == c) continue;
                if (TemplateSelector.Custom(settings, e, c) is NotificationTemplate t) yield return Info(document, e, c, true, t);
            }
        }
    }

    public static NotificationTemplateInfo Info(IdentityStoreDocument document, NotificationEvent e, string culture, bool isCustom, NotificationTemplate template) => new NotificationTemplateInfo
    {
        IdentityStore = document.Name,
        Event = e.ToString(),
        Culture = culture,
        IsCustom = isCustom,
        Subject = template.Subject,
        HtmlBody = template.Html ?? "",
        TextBody = template.Text ?? "",
        DefaultCulture = document.Notifications.DefaultCulture ?? "",
    };
}

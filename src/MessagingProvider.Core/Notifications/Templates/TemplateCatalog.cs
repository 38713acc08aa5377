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

    /// <summary>The template in effect for the event and culture (null: any language), as Set-NotificationTemplate -PassThru shows it.</summary>
    public static NotificationTemplateInfo InEffect(IdentityStoreDocument document, NotificationEvent e, string? culture)
    {
        NotificationTemplate? custom = TemplateSelector.Custom(document.Notifications, e, culture);
        return custom is null
            ? List(document, new[] { e }, culture is null ? null : CultureInfo.GetCultureInfo(culture)).First()
            : Info(document, e, culture ?? "", true, custom);
    }

    /// <summary>
    /// What Export-NotificationTemplate writes, one template per event and culture folder: without
    /// <paramref name="document"/>, the built-in templates; else what <see cref="List"/> shows
    /// ("any" for the store's template that names no culture).
    /// </summary>
    public static IEnumerable<TemplateExport> ForExport(IdentityStoreDocument? document, IEnumerable<NotificationEvent> events, CultureInfo? culture)
    {
        if (document is null)
        {
            foreach (NotificationEvent e in events) yield return new TemplateExport(e, TemplateCultures.BuiltIn.Name, BuiltInTemplates.For(e));
            yield break;
        }

        foreach (NotificationTemplateInfo info in List(document, events, culture))
        {
            var template = new NotificationTemplate { Subject = info.Subject, Html = info.HtmlBody.Length > 0 ? info.HtmlBody : null, Text = info.TextBody.Length > 0 ? info.TextBody : null };
            yield return new TemplateExport((NotificationEvent)Enum.Parse(typeof(NotificationEvent), info.Event), info.Culture.Length > 0 ? info.Culture : "any", template);
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

/// <summary>One template Export-NotificationTemplate writes, into <see cref="CultureFolder"/>.</summary>
public sealed record TemplateExport(NotificationEvent Event, string CultureFolder, NotificationTemplate Template);

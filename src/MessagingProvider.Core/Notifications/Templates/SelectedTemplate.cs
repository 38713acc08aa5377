using System.Globalization;

namespace MessagingProvider.Notifications.Templates;

/// <summary>The template a recipient gets and the culture its dates and numbers are written in.</summary>
public sealed class SelectedTemplate
{
    public SelectedTemplate(NotificationTemplate template, CultureInfo culture, bool isCustom, string? templateCulture)
    {
        Template = template;
        Culture = culture;
        IsCustom = isCustom;
        TemplateCulture = templateCulture;
    }

    public NotificationTemplate Template { get; }
    public CultureInfo Culture { get; }
    public bool IsCustom { get; }

    /// <summary>The culture the template was set for; null for a custom template for any language.</summary>
    public string? TemplateCulture { get; }

    /// <summary>"built-in en-US", "custom de-DE", "custom (any language) fr-FR".</summary>
    public string Name => !IsCustom ? $"built-in {Culture.Name}" : TemplateCulture is null ? $"custom (any language) {Culture.Name}" : $"custom {TemplateCulture}";
}

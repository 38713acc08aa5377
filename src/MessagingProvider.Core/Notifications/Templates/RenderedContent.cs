using System.Globalization;

namespace MessagingProvider.Notifications.Templates;

/// <summary>One notification as one recipient group gets it.</summary>
public sealed class RenderedContent
{
    public string Subject { get; set; } = "";
    public string Html { get; set; } = "";
    public string Text { get; set; } = "";
    public CultureInfo Culture { get; set; } = CultureInfo.InvariantCulture;

    /// <summary>"built-in" or "custom" and the template's culture, e.g. "custom de-DE".</summary>
    public string TemplateName { get; set; } = "";
}

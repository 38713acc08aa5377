namespace MessagingProvider.Notifications;

/// <summary>
/// One event's notification in one language, in Liquid: a subject, an HTML body and an optional
/// text body (derived from the HTML when missing). Variables: see <see cref="Templates.TemplateVariables"/>.
/// </summary>
public sealed class NotificationTemplate
{
    public string Subject { get; set; } = "";

    public string? Html { get; set; }

    public string? Text { get; set; }

    /// <summary>
    /// Stores written before Liquid templates hold a plain-text body with {Object}-style
    /// placeholders here; <see cref="Templates.LegacyPlaceholders"/> reads it as the text body.
    /// </summary>
    public string? Body { get; set; }
}

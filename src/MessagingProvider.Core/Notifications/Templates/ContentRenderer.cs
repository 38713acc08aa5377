using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Renders a template's subject, HTML and text. Values are HTML-encoded in the HTML body (non-ASCII
/// kept readable), links that are not http, https or mailto are dropped, CSS is inlined, and the
/// text body is derived from the HTML when the template has none.
/// </summary>
public static class ContentRenderer
{
    private static readonly TextEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedContent Render(SelectedTemplate selected, TemplateData data)
    {
        NotificationTemplate template = selected.Template;
        TemplateOptions options = LiquidTemplates.Options(data.Culture);
        var context = new TemplateContext(options);
        TemplateVariables.Set(context, data);

        string subject = LiquidTemplates.Parse(template.Subject, "subject").Render(context);
        // CSS is inlined into the template once when that keeps its Liquid intact, else into each rendered message.
        string? inlinedSource = template.Html is null ? null : CssInliner.InlineSource(template.Html);
        string html = template.Html is null ? "" : LiquidTemplates.Parse(inlinedSource ?? template.Html, "HTML").Render(context, Html);
        html = SafeLinks.Apply(html);
        if (inlinedSource is null) html = CssInliner.Inline(html);
        string text = template.Text is null ? HtmlToText.Convert(html) : LiquidTemplates.Parse(template.Text, "text").Render(context);
        return new RenderedContent
        {
            Subject = OneLine(subject),
            Html = html,
            Text = TidyText(text),
            Culture = data.Culture,
            TemplateName = selected.Name,
        };
    }

    /// <summary>A subject cannot inject headers: line breaks become spaces, runs of space one.</summary>
    public static string OneLine(string subject)
    {
        var result = new System.Text.StringBuilder(subject.Length);
        bool space = false;
        foreach (char c in subject)
        {
            bool isSpace = char.IsWhiteSpace(c) || char.IsControl(c);
            if (isSpace && !space && result.Length > 0) result.Append(' ');
            else if (!isSpace) result.Append(c);
            space = isSpace;
        }

        return result.ToString().TrimEnd();
    }

    // Liquid tags on lines of their own leave blank lines behind: at most one blank line in a row.
    private static string TidyText(string text)
    {
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        var result = new System.Text.StringBuilder();
        int blank = 0;
        foreach (string raw in lines)
        {
            string line = raw.TrimEnd();
            blank = line.Length == 0 ? blank + 1 : 0;
            if (blank > 1 || (line.Length == 0 && result.Length == 0)) continue;
            result.Append(line).Append("\r\n");
        }

        return result.ToString().TrimEnd('\r', '\n') + "\r\n";
    }
}

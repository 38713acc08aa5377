using AngleSharp.Dom;
using AngleSharp.Html;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Copies the rules of the HTML's &lt;style&gt; into style attributes (Outlook on Windows ignores
/// most style sheets). The &lt;style&gt; stays for clients that read it (dark mode media queries).
/// </summary>
public static class CssInliner
{
    private static readonly EncodedAttributes Formatter = new EncodedAttributes();

    public static string Inline(string html)
    {
        if (html.IndexOf("<style", System.StringComparison.OrdinalIgnoreCase) < 0) return html;
        return PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false, removeComments: false, customFormatter: Formatter).Html;
    }

    /// <summary>
    /// HTML5 serialization leaves &lt; and &gt; bare inside quoted attributes (harmless to browsers);
    /// encoded, no mail filter or naive reader can take a value from data for a tag.
    /// </summary>
    private sealed class EncodedAttributes : HtmlMarkupFormatter
    {
        protected override string Attribute(IAttr attribute) => base.Attribute(attribute).Replace("<", "&lt;").Replace(">", "&gt;");
    }
}

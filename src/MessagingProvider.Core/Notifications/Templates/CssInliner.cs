using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Text.RegularExpressions;
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

    private static readonly ConcurrentDictionary<string, string?> Sources = new ConcurrentDictionary<string, string?>(StringComparer.Ordinal);
    private static readonly Regex LiquidTag = new Regex(@"\{\{.*?\}\}|\{%.*?%\}", RegexOptions.Singleline | RegexOptions.Compiled);

    /// <summary>
    /// The template source with its CSS inlined, once per source; null when inlining would change
    /// its Liquid (a tag moved out of a table by the HTML parser, a quote or &lt; escaped): then
    /// each rendered message is inlined instead. A source without &lt;style&gt; is returned as it is.
    /// </summary>
    public static string? InlineSource(string source) => Sources.GetOrAdd(source, s =>
    {
        if (s.IndexOf("<style", StringComparison.OrdinalIgnoreCase) < 0) return s;
        string inlined = Inline(s);
        bool intact = LiquidTag.Matches(s).Cast<Match>().Select(m => m.Value).SequenceEqual(LiquidTag.Matches(inlined).Cast<Match>().Select(m => m.Value));
        if (Sources.Count > 200) Sources.Clear();
        return intact ? inlined : null;
    });

    public static string Inline(string html)
    {
        if (html.IndexOf("<style", StringComparison.OrdinalIgnoreCase) < 0) return html;
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

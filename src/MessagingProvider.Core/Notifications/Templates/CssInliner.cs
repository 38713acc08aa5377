namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Copies the rules of the HTML's &lt;style&gt; into style attributes (Outlook on Windows ignores
/// most style sheets). The &lt;style&gt; stays for clients that read it (dark mode media queries).
/// </summary>
public static class CssInliner
{
    public static string Inline(string html)
    {
        if (html.IndexOf("<style", System.StringComparison.OrdinalIgnoreCase) < 0) return html;
        return PreMailer.Net.PreMailer.MoveCssInline(html, removeStyleElements: false, stripIdAndClassAttributes: false, removeComments: false).Html;
    }
}

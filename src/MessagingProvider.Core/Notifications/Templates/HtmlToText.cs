using System;
using System.Linq;
using System.Text;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Readable plain text from an HTML body, for templates without a text body: paragraphs and
/// headings separated by blank lines, line breaks kept, list items as "- item" (or "1. item"),
/// links as "text (url)", table cells separated by tabs, scripts and styles left out.
/// </summary>
public static class HtmlToText
{
    private static readonly HtmlParser Parser = new HtmlParser();

    private static readonly string[] Blocks = { "P", "DIV", "H1", "H2", "H3", "H4", "H5", "H6", "UL", "OL", "TABLE", "TR", "BLOCKQUOTE", "PRE", "SECTION", "ARTICLE", "HEADER", "FOOTER", "MAIN", "NAV", "DL", "DT", "DD", "ADDRESS", "FIGURE", "HR" };

    public static string Convert(string html)
    {
        if (string.IsNullOrWhiteSpace(html)) return "";
        IDocument document = Parser.ParseDocument(html);
        var text = new Writer();
        Walk(document.Body ?? (INode)document, text, preformatted: false);
        return text.ToString();
    }

    private static void Walk(INode node, Writer text, bool preformatted)
    {
        foreach (INode child in node.ChildNodes)
        {
            if (child is IText t)
            {
                text.Inline(preformatted ? t.Data : Collapse(t.Data), preformatted);
                continue;
            }

            if (child is not IElement e) continue;
            string tag = e.TagName.ToUpperInvariant();
            switch (tag)
            {
                case "SCRIPT":
                case "STYLE":
                case "HEAD":
                case "TITLE":
                    continue;
                case "BR":
                    text.LineBreak();
                    continue;
                case "HR":
                    text.Block();
                    text.Inline("----", true);
                    text.Block();
                    continue;
                case "LI":
                    text.LineBreak();
                    text.Inline(e.ParentElement?.TagName.Equals("OL", StringComparison.OrdinalIgnoreCase) == true ? $"{e.ParentElement.Children.Where(c => c.TagName == "LI").ToList().IndexOf(e) + 1}. " : "- ", true);
                    Walk(e, text, preformatted);
                    continue;
                case "TD":
                case "TH":
                    if (e.PreviousElementSibling is not null) text.Inline("\t", true);
                    Walk(e, text, preformatted);
                    continue;
                case "A":
                    Walk(e, text, preformatted);
                    string? href = e.GetAttribute("href");
                    string label = Collapse(e.TextContent).Trim();
                    if (!string.IsNullOrEmpty(href) && !href!.StartsWith("#", StringComparison.Ordinal) && !string.Equals(Strip(href), Strip(label), StringComparison.OrdinalIgnoreCase))
                    {
                        text.Inline($" ({href})", true);
                    }

                    continue;
            }

            bool block = Blocks.Contains(tag);
            if (block) text.Block(tag == "TR" || tag == "DT" || tag == "DD");
            Walk(e, text, preformatted || tag == "PRE");
            if (block) text.Block(tag == "TR" || tag == "DT" || tag == "DD");
        }
    }

    private static string Strip(string url) => url.StartsWith("mailto:", StringComparison.OrdinalIgnoreCase) ? url.Substring(7) : url.TrimEnd('/');

    private static string Collapse(string text)
    {
        var result = new StringBuilder(text.Length);
        bool space = false;
        foreach (char c in text)
        {
            bool isSpace = char.IsWhiteSpace(c);
            if (isSpace && !space) result.Append(' ');
            else if (!isSpace) result.Append(c);
            space = isSpace;
        }

        return result.ToString();
    }

    /// <summary>Builds the text: block boundaries become one blank line, spaces at line starts are dropped.</summary>
    private sealed class Writer
    {
        private readonly StringBuilder _text = new StringBuilder();
        private int _pendingBreaks;

        public void Inline(string value, bool verbatim)
        {
            if (value.Length == 0) return;
            if (_pendingBreaks > 0)
            {
                if (!verbatim) value = value.TrimStart();
                if (value.Length == 0) return;
                if (_text.Length > 0) _text.Append(string.Concat(Enumerable.Repeat("\r\n", _pendingBreaks)));
                _pendingBreaks = 0;
            }
            else if (_text.Length == 0 || AtLineStart())
            {
                if (!verbatim) value = value.TrimStart();
            }

            _text.Append(value);
        }

        public void LineBreak() => _pendingBreaks = Math.Min(2, _pendingBreaks + 1);

        public void Block(bool single = false) => _pendingBreaks = Math.Max(_pendingBreaks, single ? 1 : 2);

        private bool AtLineStart() => _text.Length > 0 && _text[_text.Length - 1] == '\n';

        public override string ToString()
        {
            string[] lines = _text.ToString().Split(new[] { "\r\n" }, StringSplitOptions.None).Select(l => l.TrimEnd()).ToArray();
            return string.Join("\r\n", lines).Trim('\r', '\n') + "\r\n";
        }
    }
}

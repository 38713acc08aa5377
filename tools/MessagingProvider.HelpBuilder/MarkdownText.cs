using System;
using System.Collections.Generic;
using System.Linq;
using Markdig.Syntax;

namespace MessagingProvider.HelpBuilder;

/// <summary>
/// Turns markdown blocks into the plain paragraphs MAML holds. Inline markup is kept as written
/// (as platyPS does); a paragraph's soft line breaks become spaces so Get-Help can re-wrap it.
/// </summary>
public sealed class MarkdownText
{
    private readonly string _source;

    public MarkdownText(string source)
    {
        _source = source;
    }

    public string Source(Block block) => _source.Substring(block.Span.Start, block.Span.Length);

    public string HeadingText(HeadingBlock heading) => Source(heading).Trim().TrimStart('#').TrimEnd('#').Trim();

    public static string CodeText(LeafBlock code) => code.Lines.ToString().Replace("\r\n", "\n").TrimEnd('\n');

    /// <summary>The paragraphs of a run of blocks; HTML comments are not text.</summary>
    public List<string> Paragraphs(IEnumerable<Block> blocks)
    {
        var paragraphs = new List<string>();
        foreach (Block block in blocks)
        {
            switch (block)
            {
                case HtmlBlock:
                    break;
                case CodeBlock code:
                    paragraphs.Add(CodeText(code));
                    break;
                case ListBlock list:
                    foreach (Block item in list)
                    {
                        paragraphs.Add(JoinLines(Source(item)));
                    }

                    break;
                case QuoteBlock quote:
                    paragraphs.Add(JoinLines(string.Join("\n", Source(quote).Split('\n').Select(l => l.TrimStart().TrimStart('>')))));
                    break;
                default:
                    string text = JoinLines(Source(block));
                    if (text.Length > 0) paragraphs.Add(text);
                    break;
            }
        }

        return paragraphs;
    }

    public static string JoinLines(string text) =>
        string.Join(" ", text.Replace("\r\n", "\n").Split('\n').Select(l => l.Trim()).Where(l => l.Length > 0));
}

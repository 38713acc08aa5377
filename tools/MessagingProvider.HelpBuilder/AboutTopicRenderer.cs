using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;

namespace MessagingProvider.HelpBuilder;

/// <summary>
/// Renders docs/en-US/about_*.md as the plain-text about_*.help.txt Get-Help reads, with
/// platyPS's layout: "TOPIC", the topic name indented in lower case, level-1 headings in upper
/// case at the margin, text and code indented by four spaces and wrapped before column 80.
/// Like platyPS, only headings, paragraphs and code blocks are allowed.
/// </summary>
public static class AboutTopicRenderer
{
    private const string Indent = "    ";
    private const int Width = 80;

    public static string RenderFile(string path) => Render(File.ReadAllText(path), path);

    public static string Render(string markdown, string path)
    {
        MarkdownDocument document = Markdown.Parse(markdown, CommandMarkdownParser.Pipeline);
        var text = new MarkdownText(markdown);
        List<Block> blocks = document.Where(b => b is not YamlFrontMatterBlock).ToList();
        string topic = Path.GetFileNameWithoutExtension(path);

        if (blocks.Count == 0 || blocks[0] is not HeadingBlock { Level: 1 } first || !string.Equals(text.HeadingText(first), topic, StringComparison.OrdinalIgnoreCase))
        {
            throw new HelpFormatException(path, blocks.FirstOrDefault()?.Line + 1 ?? 1, $"An about topic starts with '# {topic}'.");
        }

        var headings = blocks.OfType<HeadingBlock>().Select(h => text.HeadingText(h)).ToList();
        foreach (string required in new[] { "SHORT DESCRIPTION", "LONG DESCRIPTION" })
        {
            if (!headings.Contains(required, StringComparer.OrdinalIgnoreCase))
            {
                throw new HelpFormatException(path, 1, $"An about topic needs a '# {required}' heading.");
            }
        }

        var output = new StringBuilder();
        output.Append("TOPIC\n");
        int start = 1;
        if (blocks.Count > 1 && blocks[1] is HeadingBlock { Level: 2 } second)
        {
            output.Append(Indent).Append(text.HeadingText(second).ToLowerInvariant()).Append("\n\n");
            start = 2;
        }
        else
        {
            output.Append(Indent).Append(topic.ToLowerInvariant()).Append("\n\n");
        }

        foreach (Block block in blocks.Skip(start))
        {
            switch (block)
            {
                case HeadingBlock { Level: 1 } heading:
                    output.Append(text.HeadingText(heading).ToUpperInvariant()).Append('\n');
                    break;
                case HeadingBlock { Level: 2 } heading:
                    output.Append(text.HeadingText(heading)).Append('\n');
                    break;
                case HeadingBlock heading:
                    output.Append(Indent).Append(text.HeadingText(heading).ToUpperInvariant()).Append('\n');
                    break;
                case ParagraphBlock paragraph:
                    Wrap(output, MarkdownText.JoinLines(text.Source(paragraph)));
                    output.Append('\n');
                    break;
                case CodeBlock code:
                    foreach (string line in MarkdownText.CodeText(code).Split('\n')) output.Append(Indent).Append(line).Append('\n');
                    output.Append('\n');
                    break;
                default:
                    throw new HelpFormatException(path, block.Line + 1, $"About topics may hold only headings, paragraphs and code blocks (as platyPS requires); found {block.GetType().Name.Replace("Block", "").ToLowerInvariant()}. Write it as paragraphs.");
            }
        }

        return output.ToString().TrimEnd('\n') + "\n";
    }

    private static void Wrap(StringBuilder output, string paragraph)
    {
        var line = new StringBuilder();
        foreach (string word in paragraph.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && Indent.Length + line.Length + 1 + word.Length > Width - 1)
            {
                output.Append(Indent).Append(line).Append('\n');
                line.Clear();
            }

            if (line.Length > 0) line.Append(' ');
            line.Append(word);
        }

        if (line.Length > 0) output.Append(Indent).Append(line).Append('\n');
    }
}

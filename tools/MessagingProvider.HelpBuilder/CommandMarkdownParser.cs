using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Extensions.Yaml;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace MessagingProvider.HelpBuilder;

/// <summary>
/// Reads docs/en-US/&lt;Verb-Noun&gt;.md in platyPS's markdown schema 2.0.0 and refuses anything
/// that platyPS's New-ExternalHelp would refuse or silently drop, so broken docs fail the build.
/// </summary>
public static class CommandMarkdownParser
{
    /// <summary>The H2 sections of schema 2.0.0, in the order the schema prescribes.</summary>
    public static readonly string[] Sections =
    {
        "SYNOPSIS", "SYNTAX", "DESCRIPTION", "EXAMPLES", "PARAMETERS", "INPUTS", "OUTPUTS", "NOTES", "RELATED LINKS",
    };

    private static readonly string[] FrontMatterKeys = { "external help file", "Module Name", "online version", "schema" };

    private static readonly string[] ParameterKeys =
    {
        "Type", "Parameter Sets", "Aliases", "Required", "Position", "Default value", "Accept pipeline input", "Accept wildcard characters",
    };

    private static readonly Regex SyntaxParameter = new Regex(@"(?<![\w<])-(?<name>[A-Za-z][A-Za-z0-9_]*)", RegexOptions.CultureInvariant);
    private static readonly Regex SetupComment = new Regex(@"^\s*<!--\s*setup:(?<code>.*?)-->\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant);
    private static readonly Regex RequiresComment = new Regex(@"^\s*<!--\s*requires:(?<names>.*?)-->\s*$", RegexOptions.Singleline | RegexOptions.CultureInvariant);

    internal static MarkdownPipeline Pipeline { get; } = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    public static CommandHelp ParseFile(string path) => Parse(File.ReadAllText(path), path);

    public static CommandHelp Parse(string markdown, string path)
    {
        MarkdownDocument document = Markdown.Parse(markdown, Pipeline);
        var text = new MarkdownText(markdown);
        List<Block> blocks = document.ToList();

        if (blocks.Count == 0 || blocks[0] is not YamlFrontMatterBlock frontMatter)
        {
            throw new HelpFormatException(path, 1, "The file must start with platyPS front matter (---, external help file, Module Name, online version, schema: 2.0.0, ---).");
        }

        Dictionary<string, string> front = FlatYaml.Parse(MarkdownText.CodeText(frontMatter), path, frontMatter.Line + 2);
        foreach (string key in FrontMatterKeys)
        {
            if (!front.ContainsKey(key)) throw new HelpFormatException(path, frontMatter.Line + 1, $"The front matter lacks '{key}:'.");
        }

        if (front["schema"] != "2.0.0")
        {
            throw new HelpFormatException(path, frontMatter.Line + 1, $"schema is '{front["schema"]}'; only platyPS schema 2.0.0 is supported.");
        }

        if (blocks.Count < 2 || blocks[1] is not HeadingBlock { Level: 1 } title)
        {
            throw new HelpFormatException(path, frontMatter.Line + 1, "The front matter must be followed by '# Verb-Noun'.");
        }

        string name = text.HeadingText(title);
        string expected = Path.GetFileNameWithoutExtension(path);
        if (!string.Equals(name, expected, StringComparison.Ordinal) || name.IndexOf('-') <= 0)
        {
            throw new HelpFormatException(path, title.Line + 1, $"The title '# {name}' must be the cmdlet name and match the file name '{expected}.md'.");
        }

        Dictionary<string, (HeadingBlock Heading, List<Block> Body)> sections = SplitSections(blocks.Skip(2).ToList(), text, path);
        var reader = new SectionReader(path, text);

        IReadOnlyList<string> synopsis = reader.RequiredText(sections, "SYNOPSIS");
        IReadOnlyList<string> description = reader.RequiredText(sections, "DESCRIPTION");
        IReadOnlyList<SyntaxHelp> syntax = reader.Syntax(sections["SYNTAX"]);
        IReadOnlyList<ExampleHelp> examples = reader.Examples(sections["EXAMPLES"]);
        IReadOnlyList<ParameterHelp> parameters = reader.Parameters(sections["PARAMETERS"]);
        CheckSyntaxAgainstParameters(path, sections["SYNTAX"].Heading, syntax, parameters);

        string online = front["online version"];
        return new CommandHelp(
            name,
            path,
            online.Length == 0 ? null : online,
            synopsis,
            description,
            syntax,
            examples,
            parameters,
            reader.Types(sections["INPUTS"]),
            reader.Types(sections["OUTPUTS"]),
            text.Paragraphs(sections["NOTES"].Body),
            Links(sections["RELATED LINKS"].Body));
    }

    /// <summary>The runnable code of an example: the lines after "PS C:\&gt; " prompts (and "&gt;&gt; " continuations), or the whole block when it shows no prompt.</summary>
    public static string RunnableCode(string exampleCode)
    {
        var prompt = new Regex(@"^PS [^>]*> ?", RegexOptions.CultureInvariant);
        string[] lines = exampleCode.Replace("\r\n", "\n").Split('\n');
        if (!lines.Any(l => prompt.IsMatch(l))) return string.Join("\n", lines);
        var code = new List<string>();
        foreach (string line in lines)
        {
            Match match = prompt.Match(line);
            if (match.Success) code.Add(line.Substring(match.Length));
            else if (line.StartsWith(">> ", StringComparison.Ordinal)) code.Add(line.Substring(3));
        }

        return string.Join("\n", code);
    }

    private static Dictionary<string, (HeadingBlock, List<Block>)> SplitSections(List<Block> blocks, MarkdownText text, string path)
    {
        var sections = new Dictionary<string, (HeadingBlock, List<Block>)>(StringComparer.Ordinal);
        List<Block>? current = null;
        int expectedIndex = 0;
        foreach (Block block in blocks)
        {
            if (block is HeadingBlock { Level: <= 2 } heading)
            {
                string sectionName = text.HeadingText(heading);
                int index = Array.IndexOf(Sections, sectionName);
                if (heading.Level == 1 || index < 0)
                {
                    throw new HelpFormatException(path, heading.Line + 1, $"Unexpected heading '{text.Source(heading).Trim()}'; schema 2.0.0 allows only '## {string.Join("', '## ", Sections)}' here.");
                }

                if (index != expectedIndex)
                {
                    throw new HelpFormatException(path, heading.Line + 1, $"'## {sectionName}' is out of place: expected '## {Sections[Math.Min(expectedIndex, Sections.Length - 1)]}' (sections must appear once each, in the schema's order).");
                }

                expectedIndex++;
                current = new List<Block>();
                sections[sectionName] = (heading, current);
                continue;
            }

            if (current is null)
            {
                throw new HelpFormatException(path, block.Line + 1, "Only '## SYNOPSIS' may follow the title.");
            }

            current.Add(block);
        }

        if (expectedIndex < Sections.Length)
        {
            throw new HelpFormatException(path, blocks.LastOrDefault()?.Line + 1 ?? 1, $"'## {Sections[expectedIndex]}' is missing.");
        }

        return sections;
    }

    private static void CheckSyntaxAgainstParameters(string path, HeadingBlock syntaxHeading, IReadOnlyList<SyntaxHelp> syntax, IReadOnlyList<ParameterHelp> parameters)
    {
        var documented = parameters.ToDictionary(p => p.Name, StringComparer.OrdinalIgnoreCase);
        var setNames = new HashSet<string>(syntax.Select(s => s.SetName), StringComparer.OrdinalIgnoreCase);
        foreach (SyntaxHelp set in syntax)
        {
            foreach (string name in set.ParameterOrder)
            {
                if (!documented.TryGetValue(name, out ParameterHelp? parameter))
                {
                    throw new HelpFormatException(path, syntaxHeading.Line + 1, $"SYNTAX '{set.SetName}' shows -{name}, but PARAMETERS has no '### -{name}'.");
                }

                if (parameter.UsageIn(set.SetName) is null)
                {
                    throw new HelpFormatException(path, syntaxHeading.Line + 1, $"SYNTAX '{set.SetName}' shows -{name}, but its 'Parameter Sets:' does not include '{set.SetName}'.");
                }
            }

            foreach (ParameterHelp parameter in parameters)
            {
                if (parameter.UsageIn(set.SetName) is not null && !set.ParameterOrder.Contains(parameter.Name, StringComparer.OrdinalIgnoreCase))
                {
                    throw new HelpFormatException(path, syntaxHeading.Line + 1, $"-{parameter.Name} belongs to parameter set '{set.SetName}' but its SYNTAX line does not show it.");
                }
            }
        }

        foreach (ParameterHelp parameter in parameters)
        {
            foreach (string set in parameter.Usages.SelectMany(u => u.ParameterSets))
            {
                if (set != ParameterUsage.AllSets && !setNames.Contains(set))
                {
                    throw new HelpFormatException(path, syntaxHeading.Line + 1, $"-{parameter.Name} names parameter set '{set}', which SYNTAX does not have.");
                }
            }
        }
    }

    private static IReadOnlyList<LinkHelp> Links(List<Block> body)
    {
        var links = new List<LinkHelp>();
        foreach (ParagraphBlock paragraph in body.OfType<ParagraphBlock>())
        {
            if (paragraph.Inline is null) continue;
            foreach (LinkInline link in paragraph.Inline.Descendants<LinkInline>())
            {
                string linkText = string.Concat(link.Descendants<LiteralInline>().Select(l => l.Content.ToString()));
                links.Add(new LinkHelp(linkText, link.Url ?? ""));
            }
        }

        return links;
    }

    /// <summary>Reads the inside of one section; knows the file for error messages.</summary>
    private sealed class SectionReader
    {
        private readonly string _path;
        private readonly MarkdownText _text;

        public SectionReader(string path, MarkdownText text)
        {
            _path = path;
            _text = text;
        }

        public IReadOnlyList<string> RequiredText(Dictionary<string, (HeadingBlock Heading, List<Block> Body)> sections, string name)
        {
            (HeadingBlock heading, List<Block> body) = sections[name];
            List<string> paragraphs = _text.Paragraphs(body);
            if (paragraphs.Count == 0) throw new HelpFormatException(_path, heading.Line + 1, $"'## {name}' is empty.");
            RejectPlaceholders(paragraphs, heading, name);
            return paragraphs;
        }

        public IReadOnlyList<SyntaxHelp> Syntax((HeadingBlock Heading, List<Block> Body) section)
        {
            var result = new List<SyntaxHelp>();
            foreach ((HeadingBlock heading, List<Block> body) in SubSections(section, "SYNTAX"))
            {
                string setName = _text.HeadingText(heading);
                bool isDefault = setName.EndsWith("(Default)", StringComparison.Ordinal);
                if (isDefault) setName = setName.Substring(0, setName.Length - "(Default)".Length).Trim();
                FencedCodeBlock? code = body.OfType<FencedCodeBlock>().FirstOrDefault();
                if (code is null) throw new HelpFormatException(_path, heading.Line + 1, $"Parameter set '{setName}' needs a ``` block with its syntax line.");
                string line = MarkdownText.JoinLines(MarkdownText.CodeText(code));
                var order = SyntaxParameter.Matches(line).Select(m => m.Groups["name"].Value)
                    .Where(n => n != "CommonParameters")
                    .Distinct(StringComparer.OrdinalIgnoreCase)
                    .ToList();
                result.Add(new SyntaxHelp(setName, isDefault, line, order));
            }

            if (result.Count == 0) throw new HelpFormatException(_path, section.Heading.Line + 1, "'## SYNTAX' needs at least one '### SetName' (or '### __AllParameterSets').");
            return result;
        }

        public IReadOnlyList<ExampleHelp> Examples((HeadingBlock Heading, List<Block> Body) section)
        {
            var result = new List<ExampleHelp>();
            foreach ((HeadingBlock heading, List<Block> body) in SubSections(section, "EXAMPLES"))
            {
                string title = _text.HeadingText(heading);
                var code = body.OfType<FencedCodeBlock>().Select(MarkdownText.CodeText).ToList();
                if (code.Count == 0) throw new HelpFormatException(_path, heading.Line + 1, $"Example '{title}' has no ```powershell code block.");
                var setup = new List<string>();
                var requires = new List<string>();
                foreach (HtmlBlock html in body.OfType<HtmlBlock>())
                {
                    string comment = _text.Source(html);
                    Match match = SetupComment.Match(comment);
                    if (match.Success) setup.Add(match.Groups["code"].Value.Trim());
                    Match required = RequiresComment.Match(comment);
                    if (required.Success) requires.AddRange(required.Groups["names"].Value.Split(new[] { ',', ' ' }, StringSplitOptions.RemoveEmptyEntries));
                }

                List<string> remarks = _text.Paragraphs(body.Where(b => b is not FencedCodeBlock));
                RejectPlaceholders(remarks, heading, title);
                result.Add(new ExampleHelp(title, string.Join("\n\n", code), remarks, setup, heading.Line + 1) { Requires = requires });
            }

            if (result.Count == 0) throw new HelpFormatException(_path, section.Heading.Line + 1, "'## EXAMPLES' needs at least one '### Example 1: ...' with a code block.");
            return result;
        }

        public IReadOnlyList<ParameterHelp> Parameters((HeadingBlock Heading, List<Block> Body) section)
        {
            var result = new List<ParameterHelp>();
            foreach ((HeadingBlock heading, List<Block> body) in SubSections(section, "PARAMETERS"))
            {
                string title = _text.HeadingText(heading);
                if (title == "CommonParameters") continue;
                if (!title.StartsWith("-", StringComparison.Ordinal) || title.Length < 2)
                {
                    throw new HelpFormatException(_path, heading.Line + 1, $"A parameter heading must be '### -Name' (or '### CommonParameters'), not '### {title}'.");
                }

                string name = title.Substring(1);
                if (result.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)))
                {
                    throw new HelpFormatException(_path, heading.Line + 1, $"-{name} is documented twice.");
                }

                var usages = body.OfType<FencedCodeBlock>()
                    .Where(c => string.Equals(c.Info, "yaml", StringComparison.OrdinalIgnoreCase))
                    .Select(c => Usage(c, name))
                    .ToList();
                if (usages.Count == 0) throw new HelpFormatException(_path, heading.Line + 1, $"-{name} needs a ```yaml block ({string.Join(", ", ParameterKeys)}).");
                List<string> description = _text.Paragraphs(body.Where(b => b is not FencedCodeBlock));
                if (description.Count == 0) throw new HelpFormatException(_path, heading.Line + 1, $"-{name} has no description.");
                RejectPlaceholders(description, heading, "-" + name);
                result.Add(new ParameterHelp(name, description, usages));
            }

            return result;
        }

        public IReadOnlyList<TypeHelp> Types((HeadingBlock Heading, List<Block> Body) section) =>
            SubSections(section, _text.HeadingText(section.Heading))
                .Select(s => new TypeHelp(_text.HeadingText(s.Heading), _text.Paragraphs(s.Body)))
                .ToList();

        private ParameterUsage Usage(FencedCodeBlock block, string name)
        {
            Dictionary<string, string> values = FlatYaml.Parse(MarkdownText.CodeText(block), _path, block.Line + 2);
            foreach (string key in ParameterKeys)
            {
                if (!values.ContainsKey(key)) throw new HelpFormatException(_path, block.Line + 1, $"The yaml block of -{name} lacks '{key}:'.");
            }

            string type = values["Type"];
            if (type.Length == 0) throw new HelpFormatException(_path, block.Line + 1, $"The yaml block of -{name} has an empty 'Type:'.");
            string position = values["Position"];
            if (!string.Equals(position, "Named", StringComparison.OrdinalIgnoreCase) && !int.TryParse(position, out _))
            {
                throw new HelpFormatException(_path, block.Line + 1, $"-{name}: 'Position:' must be a number or Named, not '{position}'.");
            }

            return new ParameterUsage(
                type,
                SplitList(values["Parameter Sets"]),
                SplitList(values["Aliases"]),
                Bool(values["Required"], "Required", name, block),
                position,
                values["Default value"],
                values["Accept pipeline input"],
                Bool(values["Accept wildcard characters"], "Accept wildcard characters", name, block));
        }

        private bool Bool(string value, string key, string name, Block block)
        {
            if (bool.TryParse(value, out bool result)) return result;
            throw new HelpFormatException(_path, block.Line + 1, $"-{name}: '{key}:' must be True or False, not '{value}'.");
        }

        private static List<string> SplitList(string value) =>
            value.Split(',').Select(v => v.Trim()).Where(v => v.Length > 0).ToList();

        /// <summary>The "### ..." parts of a section; text before the first one is refused.</summary>
        private List<(HeadingBlock Heading, List<Block> Body)> SubSections((HeadingBlock Heading, List<Block> Body) section, string sectionName)
        {
            var parts = new List<(HeadingBlock, List<Block>)>();
            foreach (Block block in section.Body)
            {
                if (block is HeadingBlock { Level: 3 } heading)
                {
                    parts.Add((heading, new List<Block>()));
                }
                else if (parts.Count == 0)
                {
                    if (block is HtmlBlock) continue;
                    throw new HelpFormatException(_path, block.Line + 1, $"Text under '## {sectionName}' must follow a '### ...' heading.");
                }
                else
                {
                    parts[parts.Count - 1].Item2.Add(block);
                }
            }

            return parts;
        }

        private static readonly System.Text.RegularExpressions.Regex InlineCode = new System.Text.RegularExpressions.Regex("`[^`]*`");

        private void RejectPlaceholders(IEnumerable<string> paragraphs, HeadingBlock heading, string where)
        {
            // Inside `code` it is Liquid (notification templates), never a platyPS placeholder.
            if (paragraphs.Select(p => InlineCode.Replace(p, "")).Any(p => p.Contains("{{", StringComparison.Ordinal) && p.Contains("}}", StringComparison.Ordinal)))
            {
                throw new HelpFormatException(_path, heading.Line + 1, $"'{where}' still holds a platyPS placeholder ({{{{ ... }}}}); write the text.");
            }
        }
    }
}

using System;
using System.IO;
using System.Linq;
using System.Xml.Linq;
using MessagingProvider.HelpBuilder;

namespace MessagingProvider.HelpBuilder.Tests;

/// <summary>The build's markdown → MAML conversion: what it writes, and the malformed markdown it refuses.</summary>
public sealed class HelpBuilderTests
{
    private static readonly XNamespace Maml = "http://schemas.microsoft.com/maml/2004/10";
    private static readonly XNamespace Command = "http://schemas.microsoft.com/maml/dev/command/2004/10";
    private static readonly XNamespace Dev = "http://schemas.microsoft.com/maml/dev/2004/10";

    private static string Reference => File.ReadAllText(Path.Combine(RepoPaths.Docs, "New-IdentityStore.md"));

    [Fact]
    public void WritesPlatyPSShapedMaml()
    {
        CommandHelp help = CommandMarkdownParser.Parse(Reference, "New-IdentityStore.md");
        XElement command = XDocument.Parse(MamlWriter.Write(new[] { help })).Root!.Element(Command + "command")!;

        Assert.Equal("New", command.Element(Command + "details")!.Element(Command + "verb")!.Value);
        Assert.Equal("IdentityStore", command.Element(Command + "details")!.Element(Command + "noun")!.Value);
        XElement name = command.Element(Command + "parameters")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "Name");
        Assert.Equal("true", (string?)name.Attribute("required"));
        Assert.Equal("0", (string?)name.Attribute("position"));
        Assert.Equal("True (ByPropertyName, ByValue)", (string?)name.Attribute("pipelineInput"));
        Assert.Equal("false", (string?)name.Attribute("globbing"));
        Assert.Equal("String[]", name.Element(Dev + "type")!.Element(Maml + "name")!.Value);

        XElement whatIf = command.Element(Command + "syntax")!.Element(Command + "syntaxItem")!.Elements(Command + "parameter").Single(p => p.Element(Maml + "name")!.Value == "WhatIf");
        Assert.Equal("wi", (string?)whatIf.Attribute("aliases"));
        Assert.Null(whatIf.Element(Command + "parameterValue"));
        Assert.Equal(new[] { "Name", "WhatIf", "Confirm" },
            command.Element(Command + "syntax")!.Element(Command + "syntaxItem")!.Elements(Command + "parameter").Select(p => p.Element(Maml + "name")!.Value));

        XElement example = command.Element(Command + "examples")!.Elements(Command + "example").First();
        Assert.Equal("-------------------------- Example 1: Create an identity store --------------------------", example.Element(Maml + "title")!.Value);
        Assert.Equal(@"PS C:\> New-IdentityStore -Name Contoso", example.Element(Dev + "code")!.Value);
        Assert.Equal("MessagingProvider.Output.IdentityStoreInfo",
            command.Element(Command + "returnValues")!.Element(Command + "returnValue")!.Element(Dev + "type")!.Element(Maml + "name")!.Value);
        Assert.Contains("Get-IdentityStore", command.Element(Maml + "relatedLinks")!.Elements(Maml + "navigationLink").Select(l => l.Element(Maml + "linkText")!.Value));
    }

    [Fact]
    public void SetupAndRequiresCommentsReachTheTestsButNotTheMaml()
    {
        string markdown = Reference.Replace("### Example 1: Create an identity store\n",
            "### Example 1: Create an identity store\n<!-- requires: mailserver -->\n<!-- setup: $x = 1 -->\n<!-- setup: $y = 2 -->\n");
        Assert.NotEqual(Reference, markdown);

        ExampleHelp example = CommandMarkdownParser.Parse(markdown, "New-IdentityStore.md").Examples[0];
        string maml = MamlWriter.Write(new[] { CommandMarkdownParser.Parse(markdown, "New-IdentityStore.md") });

        Assert.Equal(new[] { "mailserver" }, example.Requires);
        Assert.Equal(new[] { "$x = 1", "$y = 2" }, example.Setup);
        Assert.Empty(CommandMarkdownParser.Parse(Reference, "New-IdentityStore.md").Examples[0].Requires);
        Assert.DoesNotContain("mailserver", maml);
        Assert.DoesNotContain("$y = 2", maml);
    }

    [Fact]
    public void RendersTheAboutTopicAsPlatyPSDoes()
    {
        string source = Path.Combine(RepoPaths.Docs, "about_MessagingProvider.md");
        string text = AboutTopicRenderer.RenderFile(source);
        string[] lines = text.Split('\n');
        var codeLines = System.Text.RegularExpressions.Regex.Matches(File.ReadAllText(source), "(?ms)^```[^\n]*\n(.*?)^```")
            .SelectMany(m => m.Groups[1].Value.Split('\n')).Select(l => "    " + l).ToHashSet();

        Assert.Equal(new[] { "TOPIC", "    about_messagingprovider", "", "SHORT DESCRIPTION" }, lines.Take(4));
        Assert.Contains("LONG DESCRIPTION", lines);
        Assert.All(lines.Where(l => !codeLines.Contains(l)), l => Assert.True(l.Length < 80, $"'{l}' is {l.Length} characters wide"));
        Assert.Contains("    New-IdentityStore -Name Contoso", lines);
        Assert.All(lines.Where(l => l.Length > 0 && l != l.ToUpperInvariant()), l => Assert.True(l.StartsWith("    ", StringComparison.Ordinal) || char.IsUpper(l[0]), l));
    }

    [Theory]
    [InlineData("## SYNOPSIS\nCreates identity stores.\n", "## SYNOPSIS\n", "'## SYNOPSIS' is empty")]
    [InlineData("## SYNTAX\n", "## DESCRIPTION\n", "out of place")]
    [InlineData("## NOTES\n", "## NOTE\n", "Unexpected heading '## NOTE'")]
    [InlineData("Required: True\n", "Required: Yes\n", "'Required:' must be True or False, not 'Yes'")]
    [InlineData("Position: 0\n", "Position: first\n", "'Position:' must be a number or Named")]
    [InlineData("Default value: None\nAccept pipeline input: True", "Accept pipeline input: True", "lacks 'Default value:'")]
    [InlineData("[-WhatIf]", "[-WhatIf] [-Force]", "shows -Force, but PARAMETERS has no '### -Force'")]
    [InlineData("Parameter Sets: (All)\nAliases:\n\nRequired: True", "Parameter Sets: Other\nAliases:\n\nRequired: True", "-Name names parameter set 'Other', which SYNTAX does not have")]
    [InlineData("Prompts you for confirmation before creating each identity store.", "{{ Fill Confirm Description }}", "placeholder")]
    [InlineData("```powershell\nPS C:\\> New-IdentityStore -Name Contoso\n```\n", "", "has no ```powershell code block")]
    [InlineData("schema: 2.0.0", "schema: 1.0.0", "only platyPS schema 2.0.0")]
    [InlineData("# New-IdentityStore\n", "# New-IdentityStores\n", "must be the cmdlet name")]
    public void RefusesMalformedMarkdown(string find, string replace, string message)
    {
        int at = Reference.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"'{find}' is not in the reference file");
        string markdown = Reference.Remove(at, find.Length).Insert(at, replace);

        HelpFormatException error = Assert.Throws<HelpFormatException>(() => CommandMarkdownParser.Parse(markdown, "New-IdentityStore.md"));
        Assert.Contains(message, error.Message);
        Assert.True(error.Line > 0);
        Assert.Matches(@"^New-IdentityStore\.md\(\d+\): error MPHELP001: ", error.ToMSBuildError());
    }

    [Fact]
    public void AcceptsLiquidInInlineCode()
    {
        string markdown = Reference.Replace("Prompts you for confirmation before creating each identity store.", "Prompts you for confirmation; a template such as `{{ object }}` is no placeholder.");

        CommandMarkdownParser.Parse(markdown, "New-IdentityStore.md");
    }

    [Fact]
    public void RefusesAPlaceholderBesideInlineCode() =>
        RefusesMalformedMarkdown("Prompts you for confirmation before creating each identity store.", "A `code span` and then {{ Fill Confirm Description }}", "placeholder");

    [Fact]
    public void ABrokenFileFailsTheWholeBuildAndWritesNothing()
    {
        string root = Path.Combine(Path.GetTempPath(), "mp-helpbuild-" + Guid.NewGuid().ToString("N"));
        string docs = Directory.CreateDirectory(Path.Combine(root, "docs")).FullName;
        string output = Path.Combine(root, "out");
        try
        {
            File.WriteAllText(Path.Combine(docs, "New-IdentityStore.md"), Reference);
            File.WriteAllText(Path.Combine(docs, "Get-IdentityStore.md"), File.ReadAllText(Path.Combine(RepoPaths.Docs, "Get-IdentityStore.md")).Replace("## NOTES", "## NOTE"));
            File.WriteAllText(Path.Combine(docs, "about_MessagingProvider.md"), "# about_MessagingProvider\n\n# SHORT DESCRIPTION\nx\n\n# LONG DESCRIPTION\n- a list\n");

            var errors = HelpBuild.Run(docs, output);

            Assert.Equal(new[] { "Get-IdentityStore.md", "about_MessagingProvider.md" }, errors.Select(e => Path.GetFileName(e.Path)).OrderBy(p => p, StringComparer.Ordinal));
            Assert.False(Directory.Exists(output));

            File.WriteAllText(Path.Combine(docs, "Get-IdentityStore.md"), File.ReadAllText(Path.Combine(RepoPaths.Docs, "Get-IdentityStore.md")));
            File.Delete(Path.Combine(docs, "about_MessagingProvider.md"));
            Assert.Empty(HelpBuild.Run(docs, output));
            Assert.Equal(new[] { HelpBuild.MamlFileName }, Directory.GetFiles(output).Select(Path.GetFileName));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }
}

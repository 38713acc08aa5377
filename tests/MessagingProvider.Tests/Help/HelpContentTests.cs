using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.HelpBuilder;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Help;

/// <summary>
/// Get-Help, as an administrator calls it, for every cmdlet in the manifest's CmdletsToExport:
/// a cmdlet or parameter without docs fails here, naming what to write.
/// </summary>
public sealed class HelpContentTests
{
    public static TheoryData<string> ExportedCmdlets => new TheoryData<string>(ModuleManifest.ExportedCmdlets);

    [Fact]
    public void BuildWritesTheMamlFileAndAboutTopic()
    {
        string enUs = Path.Combine(RepoPaths.Root, "out", "MessagingProvider", "en-US");
        string maml = Path.Combine(enUs, HelpBuild.MamlFileName);
        Assert.True(File.Exists(maml), $"{maml} is missing: the module build did not run the help builder.");
        var commands = System.Xml.Linq.XDocument.Load(maml).Root!.Elements()
            .Select(e => e.Descendants().First(d => d.Name.LocalName == "name").Value)
            .ToList();
        Assert.Equal(CommandDocs.CommandFiles().Select(Path.GetFileNameWithoutExtension), commands);
        Assert.True(File.Exists(Path.Combine(enUs, "about_MessagingProvider.help.txt")));
    }

    [Fact]
    public void EveryCommandFileDocumentsAnExportedCmdlet()
    {
        var stale = CommandDocs.CommandFiles().Select(Path.GetFileNameWithoutExtension)
            .Where(name => !ModuleManifest.ExportedCmdlets.Contains(name, System.StringComparer.Ordinal))
            .ToList();
        Assert.True(stale.Count == 0, $"docs/en-US documents {string.Join(", ", stale)}, which CmdletsToExport does not list: remove the file or export the cmdlet.");
    }

    [Fact]
    public void AboutTopicExplainsConfigurationAndSecrets()
    {
        using var session = new ModuleSession();
        string about = string.Join("\n", session.Run("Get-Help -Name about_MessagingProvider").ThrowIfErrors().Output.Select(o => o.ToString()));
        foreach (string concept in new[] { "identity store", "MESSAGINGPROVIDER_CONFIG_PATH", "DPAPI", "AES-256-GCM", "secret.key", "0600", "priority", "Windows PowerShell 5.1" })
        {
            Assert.Contains(concept, about);
        }
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void GetHelpFullHasTheSynopsisFromTheDocs(string cmdlet)
    {
        CommandHelp docs = CommandDocs.For(cmdlet);
        using var session = new ModuleSession();
        string synopsis = session.Run("(Get-Help -Name $args[0] -Full).Synopsis", cmdlet).Single().ToString().Trim();

        // Without MAML, Get-Help makes up a synopsis from the syntax: comparing with the docs proves the MAML was found.
        Assert.Equal(string.Join(" ", docs.Synopsis), MarkdownText.JoinLines(synopsis));
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void GetHelpFullDescribesEveryRealParameter(string cmdlet)
    {
        CommandDocs.For(cmdlet);
        using var session = new ModuleSession();
        List<string> real = RealParameters(session, cmdlet).Keys.ToList();
        Assert.NotEmpty(real);
        Dictionary<string, string> described = session.Run(
                "foreach ($p in (Get-Help -Name $args[0] -Full).parameters.parameter) { '{0}|{1}' -f $p.name, (($p.description | ForEach-Object { $_.Text }) -join ' ') }", cmdlet)
            .ThrowIfErrors().Output
            .Select(o => o.ToString().Split('|', 2))
            .ToDictionary(p => p[0], p => p[1].Trim(), System.StringComparer.OrdinalIgnoreCase);

        var undocumented = real.Where(p => !described.TryGetValue(p, out string? text) || text.Length == 0).ToList();
        Assert.True(undocumented.Count == 0, $"{cmdlet}: no description in Get-Help for -{string.Join(", -", undocumented)}; add '### -Name' to {CommandDocs.PathOf(cmdlet)}.");
        var stale = described.Keys.Where(d => !real.Contains(d, System.StringComparer.OrdinalIgnoreCase)).ToList();
        Assert.True(stale.Count == 0, $"{cmdlet}: the help documents -{string.Join(", -", stale)}, which the cmdlet does not have.");
    }

    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void GetHelpFullHasExamples(string cmdlet)
    {
        CommandHelp docs = CommandDocs.For(cmdlet);
        using var session = new ModuleSession();
        string[] codes = session.Run("foreach ($e in (Get-Help -Name $args[0] -Full).examples.example) { $e.code }", cmdlet)
            .ThrowIfErrors().Output.Select(o => o.ToString()).ToArray();

        Assert.NotEmpty(codes);
        Assert.Equal(docs.Examples.Select(e => e.Code), codes);
        Assert.All(codes, code => Assert.Contains(cmdlet, CommandMarkdownParser.RunnableCode(code), System.StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>The yaml blocks must tell the truth: type, parameter sets, mandatory, position and pipeline input as the cmdlet declares them.</summary>
    [Theory]
    [MemberData(nameof(ExportedCmdlets))]
    public void DocumentedParametersMatchTheCmdlet(string cmdlet)
    {
        CommandHelp docs = CommandDocs.For(cmdlet);
        using var session = new ModuleSession();
        var command = (CmdletInfo)session.Run("Get-Command -Name $args[0] -CommandType Cmdlet", cmdlet).Single().BaseObject;
        Dictionary<string, ParameterMetadata> real = RealParameters(session, cmdlet);
        var problems = new List<string>();

        var realSets = command.ParameterSets.Select(s => s.Name).OrderBy(n => n).ToList();
        var docSets = docs.Syntax.Select(s => s.SetName).OrderBy(n => n).ToList();
        if (!realSets.SequenceEqual(docSets)) problems.Add($"SYNTAX has sets [{string.Join(", ", docSets)}]; the cmdlet has [{string.Join(", ", realSets)}]");

        foreach (ParameterHelp parameter in docs.Parameters)
        {
            if (!real.TryGetValue(parameter.Name, out ParameterMetadata? metadata)) continue;
            // platyPS writes a Nullable<T> parameter as T (its GetTypeString); so do we.
            System.Type type = System.Nullable.GetUnderlyingType(metadata.ParameterType) ?? metadata.ParameterType;
            string realType = metadata.SwitchParameter ? "SwitchParameter" : type.Name;
            foreach (ParameterUsage usage in parameter.Usages)
            {
                string docType = usage.IsSwitch ? "SwitchParameter" : usage.Type.Substring(usage.Type.LastIndexOf('.') + 1);
                if (!string.Equals(docType, realType, System.StringComparison.OrdinalIgnoreCase)) problems.Add($"-{parameter.Name} is documented as {usage.Type} but is {realType}");
                foreach (KeyValuePair<string, ParameterSetMetadata> set in metadata.ParameterSets)
                {
                    if (!usage.AppliesTo(set.Key) && set.Key != ParameterAttribute.AllParameterSets) continue;
                    ParameterSetMetadata m = set.Value;
                    string position = m.Position == int.MinValue ? "Named" : m.Position.ToString();
                    if (usage.Required != m.IsMandatory) problems.Add($"-{parameter.Name} ({set.Key}): Required {usage.Required}, but mandatory is {m.IsMandatory}");
                    if (!string.Equals(usage.Position, position, System.StringComparison.OrdinalIgnoreCase)) problems.Add($"-{parameter.Name} ({set.Key}): Position {usage.Position}, but it is {position}");
                    if (usage.PipelineInput.Contains("ByValue") != m.ValueFromPipeline || usage.PipelineInput.Contains("ByPropertyName") != m.ValueFromPipelineByPropertyName)
                    {
                        problems.Add($"-{parameter.Name} ({set.Key}): 'Accept pipeline input: {usage.PipelineInput}', but ByValue={m.ValueFromPipeline}, ByPropertyName={m.ValueFromPipelineByPropertyName}");
                    }
                }
            }
        }

        Assert.True(problems.Count == 0, $"{CommandDocs.PathOf(cmdlet)} disagrees with {cmdlet}:\n" + string.Join("\n", problems));
    }

    /// <summary>Get-Command's parameters without the common ones (-WhatIf and -Confirm are documented like any other).</summary>
    internal static Dictionary<string, ParameterMetadata> RealParameters(ModuleSession session, string cmdlet)
    {
        var command = (CmdletInfo)session.Run("Get-Command -Name $args[0] -CommandType Cmdlet", cmdlet).Single().BaseObject;
        return command.Parameters
            .Where(p => !Cmdlet.CommonParameters.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value, System.StringComparer.OrdinalIgnoreCase);
    }
}

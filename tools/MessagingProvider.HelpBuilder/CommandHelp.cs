using System.Collections.Generic;
using System.Linq;

namespace MessagingProvider.HelpBuilder;

/// <summary>One cmdlet's help as docs/en-US/&lt;Verb-Noun&gt;.md describes it (platyPS schema 2.0.0).</summary>
public sealed record CommandHelp(
    string Name,
    string SourcePath,
    string? OnlineVersion,
    IReadOnlyList<string> Synopsis,
    IReadOnlyList<string> Description,
    IReadOnlyList<SyntaxHelp> Syntax,
    IReadOnlyList<ExampleHelp> Examples,
    IReadOnlyList<ParameterHelp> Parameters,
    IReadOnlyList<TypeHelp> Inputs,
    IReadOnlyList<TypeHelp> Outputs,
    IReadOnlyList<string> Notes,
    IReadOnlyList<LinkHelp> Links)
{
    public string Verb => Name.Substring(0, Name.IndexOf('-'));

    public string Noun => Name.Substring(Name.IndexOf('-') + 1);
}

/// <summary>A "### SetName" of SYNTAX: the set name and the parameter names in the order the syntax line shows them.</summary>
public sealed record SyntaxHelp(string SetName, bool IsDefault, string Line, IReadOnlyList<string> ParameterOrder);

/// <summary>
/// An example: its title, its code blocks joined, the explanation, set-up code from
/// &lt;!-- setup: ... --&gt; comments and what the tests must provide from &lt;!-- requires: ... --&gt; comments.
/// </summary>
public sealed record ExampleHelp(string Title, string Code, IReadOnlyList<string> Remarks, IReadOnlyList<string> Setup, int Line)
{
    public IReadOnlyList<string> Requires { get; init; } = System.Array.Empty<string>();
}

/// <summary>A "### -Name" of PARAMETERS with one usage per yaml block (platyPS writes several when sets differ).</summary>
public sealed record ParameterHelp(string Name, IReadOnlyList<string> Description, IReadOnlyList<ParameterUsage> Usages)
{
    public ParameterUsage Primary => Usages[0];

    /// <summary>The usage that applies in <paramref name="setName"/>, or null when the parameter is not in that set.</summary>
    public ParameterUsage? UsageIn(string setName)
    {
        foreach (ParameterUsage usage in Usages)
        {
            if (usage.AppliesTo(setName)) return usage;
        }

        return null;
    }
}

/// <summary>One yaml block of a parameter.</summary>
public sealed record ParameterUsage(
    string Type,
    IReadOnlyList<string> ParameterSets,
    IReadOnlyList<string> Aliases,
    bool Required,
    string Position,
    string DefaultValue,
    string PipelineInput,
    bool Globbing)
{
    public const string AllSets = "(All)";

    public bool AppliesTo(string setName) =>
        setName == SyntaxSetNames.AllParameterSets ||
        ParameterSets.Contains(AllSets) ||
        ParameterSets.Contains(setName, System.StringComparer.OrdinalIgnoreCase);

    public bool IsSwitch => Type is "SwitchParameter" or "switch" or "Switch";

    public bool AcceptsPipelineInput => PipelineInput.StartsWith("True", System.StringComparison.OrdinalIgnoreCase);
}

public static class SyntaxSetNames
{
    public const string AllParameterSets = "__AllParameterSets";
}

/// <summary>An INPUTS or OUTPUTS entry: a type name heading and its explanation.</summary>
public sealed record TypeHelp(string TypeName, IReadOnlyList<string> Description);

public sealed record LinkHelp(string Text, string Uri);

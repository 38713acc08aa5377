using System;
using System.Collections;
using System.Linq;
using System.Management.Automation.Language;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>The repository's MessagingProvider.psd1, read statically so test data can come from it.</summary>
public static class ModuleManifest
{
    public static string Path => System.IO.Path.Combine(RepoPaths.Root, "MessagingProvider.psd1");

    /// <summary>CmdletsToExport: the list every help, completion and format test is driven by.</summary>
    public static string[] ExportedCmdlets { get; } = ReadCmdletsToExport();

    private static string[] ReadCmdletsToExport()
    {
        ScriptBlockAst ast = Parser.ParseFile(Path, out _, out ParseError[] errors);
        if (errors.Length > 0) throw new InvalidOperationException($"{Path} does not parse: {errors[0].Message}");
        var manifest = (Hashtable)((HashtableAst)ast.Find(a => a is HashtableAst, searchNestedScriptBlocks: false)!).SafeGetValue();
        object value = manifest["CmdletsToExport"] ?? throw new InvalidOperationException($"{Path} has no CmdletsToExport.");
        return (value is object[] many ? many : new[] { value }).Select(v => (string)v).ToArray();
    }
}

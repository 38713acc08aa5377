using System.IO;
using System.Linq;
using System.Management.Automation.Language;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// The Pester suite cannot run here (no pwsh, no Pester), so these keep it from rotting unseen:
/// every file parses with the real PowerShell parser, and every exported cmdlet has its file.
/// </summary>
public sealed class PesterSuiteTests
{
    private static string PesterDirectory => Path.Combine(RepoPaths.Root, "tests", "Pester");

    public static TheoryData<string> PesterFiles()
    {
        var files = new TheoryData<string>();
        foreach (string file in Directory.GetFiles(PesterDirectory, "*.ps1").OrderBy(f => f)) files.Add(Path.GetFileName(file));
        return files;
    }

    [Theory]
    [MemberData(nameof(PesterFiles))]
    public void EveryPesterFileParses(string file)
    {
        Parser.ParseFile(Path.Combine(PesterDirectory, file), out _, out ParseError[] errors);

        Assert.True(errors.Length == 0, string.Join("\n", errors.Select(e => $"{file}({e.Extent.StartLineNumber}): {e.Message}")));
    }

    [Fact]
    public void EveryExportedCmdletHasAPesterFile()
    {
        string[] missing = ModuleManifest.ExportedCmdlets
            .Where(name => !File.Exists(Path.Combine(PesterDirectory, name + ".Tests.ps1")))
            .ToArray();

        Assert.True(missing.Length == 0, "Write tests/Pester/<name>.Tests.ps1 for: " + string.Join(", ", missing));
    }
}

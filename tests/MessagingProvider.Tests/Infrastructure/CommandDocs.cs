using System.Collections.Generic;
using System.IO;
using System.Linq;
using MessagingProvider.HelpBuilder;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>docs/en-US read with the build's own parser (tools/MessagingProvider.HelpBuilder).</summary>
public static class CommandDocs
{
    public static string PathOf(string cmdlet) => Path.Combine(RepoPaths.Docs, cmdlet + ".md");

    /// <summary>The parsed markdown of a cmdlet; fails the calling test with the file to write when it is missing.</summary>
    public static CommandHelp For(string cmdlet)
    {
        string path = PathOf(cmdlet);
        Assert.True(File.Exists(path), $"{cmdlet} is exported but has no help: write {Path.GetRelativePath(RepoPaths.Root, path)} (platyPS schema 2.0.0; see docs/README.md).");
        return CommandMarkdownParser.ParseFile(path);
    }

    /// <summary>Every cmdlet markdown file (about_ topics excluded).</summary>
    public static IEnumerable<string> CommandFiles() =>
        Directory.Exists(RepoPaths.Docs)
            ? Directory.GetFiles(RepoPaths.Docs, "*.md")
                .Where(p => !Path.GetFileName(p).StartsWith("about_", System.StringComparison.OrdinalIgnoreCase))
                .OrderBy(p => p, System.StringComparer.Ordinal)
            : Enumerable.Empty<string>();
}

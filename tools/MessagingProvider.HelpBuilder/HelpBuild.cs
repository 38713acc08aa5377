using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;

namespace MessagingProvider.HelpBuilder;

/// <summary>Converts a whole docs folder: every Verb-Noun.md into one MAML file, every about_*.md into its .help.txt.</summary>
public static class HelpBuild
{
    public const string MamlFileName = "MessagingProvider.dll-Help.xml";

    /// <summary>Returns every format error found (all files are checked); writes nothing unless there are none.</summary>
    public static IReadOnlyList<HelpFormatException> Run(string docsDirectory, string outputDirectory)
    {
        var errors = new List<HelpFormatException>();
        var commands = new List<CommandHelp>();
        var abouts = new List<(string Name, string Text)>();
        foreach (string path in Directory.GetFiles(docsDirectory, "*.md").OrderBy(p => Path.GetFileName(p), StringComparer.Ordinal))
        {
            string name = Path.GetFileNameWithoutExtension(path);
            try
            {
                if (name.StartsWith("about_", StringComparison.OrdinalIgnoreCase)) abouts.Add((name, AboutTopicRenderer.RenderFile(path)));
                else commands.Add(CommandMarkdownParser.ParseFile(path));
            }
            catch (HelpFormatException e)
            {
                errors.Add(e);
            }
        }

        if (errors.Count > 0) return errors;

        Directory.CreateDirectory(outputDirectory);
        WriteAtomically(Path.Combine(outputDirectory, MamlFileName), MamlWriter.Write(commands));
        foreach ((string name, string text) in abouts) WriteAtomically(Path.Combine(outputDirectory, name + ".help.txt"), text);
        return errors;
    }

    /// <summary>Each target framework's build may run this at once; a rename never leaves a half-written file.</summary>
    private static void WriteAtomically(string path, string content)
    {
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        File.WriteAllText(temporary, content, new UTF8Encoding(false));
        File.Move(temporary, path, overwrite: true);
    }
}

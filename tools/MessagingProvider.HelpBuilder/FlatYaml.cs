using System;
using System.Collections.Generic;

namespace MessagingProvider.HelpBuilder;

/// <summary>
/// The flat "Key: value" YAML that platyPS writes (front matter and parameter blocks). Nothing
/// nested occurs in schema 2.0.0, so a YAML library would only add a dependency.
/// </summary>
internal static class FlatYaml
{
    public static Dictionary<string, string> Parse(string text, string path, int firstLine)
    {
        var values = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        string[] lines = text.Replace("\r\n", "\n").Split('\n');
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            if (line.Trim().Length == 0 || line.Trim() == "---") continue;
            int colon = line.IndexOf(':');
            if (colon <= 0)
            {
                throw new HelpFormatException(path, firstLine + i, $"Expected 'Key: value' but found '{line.Trim()}'.");
            }

            string key = line.Substring(0, colon).Trim();
            if (values.ContainsKey(key))
            {
                throw new HelpFormatException(path, firstLine + i, $"'{key}' is given twice.");
            }

            values[key] = line.Substring(colon + 1).Trim();
        }

        return values;
    }
}

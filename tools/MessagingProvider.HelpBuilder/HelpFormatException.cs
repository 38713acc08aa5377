using System;

namespace MessagingProvider.HelpBuilder;

/// <summary>Markdown that does not follow the schema; the message says where (1-based line) and how to fix it.</summary>
public sealed class HelpFormatException : Exception
{
    public HelpFormatException(string path, int line, string message)
        : base(message)
    {
        Path = path;
        Line = line;
    }

    public string Path { get; }

    public int Line { get; }

    /// <summary>The canonical "file(line): error CODE: text" form MSBuild's Exec task reports as a build error.</summary>
    public string ToMSBuildError() => $"{Path}({Line}): error MPHELP001: {Message}";
}

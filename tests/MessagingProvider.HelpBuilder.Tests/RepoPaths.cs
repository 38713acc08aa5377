using System;
using System.IO;

namespace MessagingProvider.HelpBuilder.Tests;

public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string Docs => Path.Combine(Root, "docs", "en-US");

    private static string FindRoot()
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "MessagingProvider.sln"))) return dir.FullName;
        }

        throw new InvalidOperationException("MessagingProvider.sln not found above " + AppContext.BaseDirectory);
    }
}

using System;
using System.Diagnostics;
using System.IO;

namespace MessagingProvider.Core.Tests;

/// <summary>Starts the MessagingProvider.TestTool program (a separate process that writes to the store).</summary>
internal static class TestToolProcess
{
    public static Process Start(params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ToolPath());
        foreach (string argument in arguments) start.ArgumentList.Add(argument);
        return Process.Start(start) ?? throw new InvalidOperationException("could not start the test tool");
    }

    private static string ToolPath()
    {
        // tests/MessagingProvider.Core.Tests/bin/<Configuration>/net10.0 -> tests/MessagingProvider.TestTool/bin/<Configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string framework = here.Name;
        string configuration = here.Parent!.Name;
        string testsRoot = here.Parent!.Parent!.Parent!.Parent!.FullName;
        string path = Path.Combine(testsRoot, "MessagingProvider.TestTool", "bin", configuration, framework, "MessagingProvider.TestTool.dll");
        if (!File.Exists(path)) throw new FileNotFoundException("Build MessagingProvider.TestTool first", path);
        return path;
    }
}

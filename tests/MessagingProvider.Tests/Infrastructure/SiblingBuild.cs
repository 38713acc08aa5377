using System;
using System.IO;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>Finds the output of another project of the solution built in the same configuration as these tests.</summary>
public static class SiblingBuild
{
    public static string PathOf(string projectFolder, string framework, string fileName)
    {
        // .../tests/MessagingProvider.Tests/bin/<Configuration>/net10.0
        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        string configuration = here.Parent!.Name;
        string path = Path.Combine(RepoPaths.Root, projectFolder, "bin", configuration, framework, fileName);
        if (!File.Exists(path)) throw new FileNotFoundException($"Build {projectFolder} first", path);
        return path;
    }
}

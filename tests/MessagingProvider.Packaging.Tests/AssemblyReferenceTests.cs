using System;
using System.Collections.Generic;
using System.IO;

namespace MessagingProvider.Packaging.Tests;

public sealed class AssemblyReferenceTests
{
    private static string ModuleBin(string framework)
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (!File.Exists(Path.Combine(dir.FullName, "MessagingProvider.sln"))) continue;
            string bin = Path.Combine(dir.FullName, "out", "MessagingProvider", "bin", framework);
            Assert.True(Directory.Exists(bin), $"The module is not built: {bin} is missing (dotnet build src/MessagingProvider -c Release).");
            return bin;
        }

        throw new InvalidOperationException("MessagingProvider.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Windows PowerShell 5.1: no binding redirects for modules, so a version the framework does not have fails to load.</summary>
    [Fact]
    public void EveryReferenceOfTheWindowsPowerShellBuildResolvesOnNetFramework472()
    {
        var problems = AssemblyReferenceCheck.Find(ModuleBin("net472"), AssemblyReferenceCheck.ReadList("net472.txt", "hosts.txt", "omitted.txt", "compile-time-only.txt"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    /// <summary>PowerShell 7.4 runs on .NET 8: a dependency built for a newer .NET loads in 7.6 and fails in 7.4.</summary>
    [Fact]
    public void NoReferenceOfThePowerShell7BuildNeedsMoreThanNet8()
    {
        var problems = AssemblyReferenceCheck.Find(ModuleBin("net8.0"), AssemblyReferenceCheck.ReadList("net8.0.txt", "hosts.txt", "omitted.txt", "compile-time-only.txt"));
        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public void AMissingOrOlderShippedDependencyIsReportedWithWhoNeedsIt()
    {
        string copy = Path.Combine(Path.GetTempPath(), "mp-refcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(copy);
        try
        {
            foreach (string file in Directory.GetFiles(ModuleBin("net472"), "*.dll")) File.Copy(file, Path.Combine(copy, Path.GetFileName(file)));
            File.Delete(Path.Combine(copy, "System.Memory.dll"));
            // An older copy of a shipped dependency: MimeKit from another module folder would do the same.
            File.Copy(Path.Combine(AppContext.BaseDirectory, "xunit.abstractions.dll"), Path.Combine(copy, "xunit.abstractions.dll"));

            var problems = AssemblyReferenceCheck.Find(copy, AssemblyReferenceCheck.ReadList("net472.txt", "hosts.txt"));

            Assert.Contains(problems, p => p.Name == "System.Memory" && p.Referencing == "System.Text.Json.dll" && p.Why.Contains("neither shipped"));
            Assert.DoesNotContain(problems, p => p.Name == "System.Buffers");
        }
        finally
        {
            Directory.Delete(copy, recursive: true);
        }
    }

    [Fact]
    public void AReferenceNewerThanTheFrameworkIsReported()
    {
        var framework = new Dictionary<string, Version>(StringComparer.OrdinalIgnoreCase) { ["System.Runtime"] = new Version(8, 0, 0, 0) };
        string folder = Path.Combine(Path.GetTempPath(), "mp-refcheck-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        try
        {
            // This test assembly is built for .NET 10: its System.Runtime reference is 10.0.0.0.
            string self = typeof(AssemblyReferenceTests).Assembly.Location;
            File.Copy(self, Path.Combine(folder, Path.GetFileName(self)));

            var problems = AssemblyReferenceCheck.Find(folder, framework);

            Assert.Contains(problems, p => p.Name == "System.Runtime" && p.Version.Major == 10 && p.Why.Contains("the framework has 8.0.0.0, older"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}

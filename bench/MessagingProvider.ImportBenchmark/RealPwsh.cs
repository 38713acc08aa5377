using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;

/// <summary>
/// Import-Module timed inside fresh real pwsh processes, the module and the baseline module
/// alternately. Each process first imports a tiny manifest module (an interactive pwsh has
/// imported PSReadLine before the user types anything, so the module machinery is warm), then
/// times one Import-Module (wall clock and the process's CPU time), then the module's first command.
/// </summary>
internal static class RealPwsh
{
    public static int Compare(string pwsh, string manifest, int rounds)
    {
        string baseline = BaselineManifest();
        string warm = Path.Combine(Path.GetTempPath(), "mp-bench-warm.psd1");
        File.WriteAllText(warm, "@{ ModuleVersion = '1.0' }");
        var module = new List<double>();
        var reference = new List<double>();
        var moduleFirst = new List<double>();
        var moduleCpu = new List<double>();
        var referenceCpu = new List<double>();
        Run(pwsh, warm, baseline, "Get-BaselineGreeting"); // warm the disk cache for both
        Run(pwsh, warm, manifest, "Get-IdentityStore");
        for (int i = 0; i < rounds; i++)
        {
            // Alternate which goes first in a round, so neither always follows the other.
            if (i % 2 == 0)
            {
                Baseline();
                Module();
            }
            else
            {
                Module();
                Baseline();
            }
        }

        Console.WriteLine($"pwsh: {pwsh}; {rounds} rounds of fresh processes, alternating; {Environment.ProcessorCount} cores; {DateTime.UtcNow:u}");
        Console.WriteLine($"baseline module (1 cmdlet)   Import-Module median {Median(reference):0.0} ms (min {reference.Min():0.0}, max {reference.Max():0.0})");
        Console.WriteLine($"MessagingProvider            Import-Module median {Median(module):0.0} ms (min {module.Min():0.0}, max {module.Max():0.0}); + Get-IdentityStore {Median(moduleFirst):0.0} ms");
        Console.WriteLine($"ratio of medians: {Median(module) / Median(reference):0.00}x");
        // CPU time of the pwsh process during Import-Module (all its threads, JIT included): waiting
        // for a core on a loaded machine does not count, so this ratio moves less than the wall-clock one.
        Console.WriteLine($"CPU time during Import-Module: baseline median {Median(referenceCpu):0.0} ms, MessagingProvider median {Median(moduleCpu):0.0} ms, ratio {Median(moduleCpu) / Median(referenceCpu):0.00}x");
        return 0;

        void Baseline()
        {
            var b = Run(pwsh, warm, baseline, "Get-BaselineGreeting");
            reference.Add(b.Import);
            referenceCpu.Add(b.Cpu);
        }

        void Module()
        {
            var m = Run(pwsh, warm, manifest, "Get-IdentityStore");
            module.Add(m.Import);
            moduleFirst.Add(m.First);
            moduleCpu.Add(m.Cpu);
        }
    }

    private static (double Import, double First, double Cpu) Run(string pwsh, string warm, string manifest, string command)
    {
        string script = string.Join("; ",
            $"Import-Module '{warm}'",
            "$process = [System.Diagnostics.Process]::GetCurrentProcess()",
            "$cpu = $process.TotalProcessorTime",
            "$clock = [System.Diagnostics.Stopwatch]::StartNew()",
            $"Import-Module '{manifest}' -ErrorAction Stop",
            "$import = $clock.Elapsed.TotalMilliseconds",
            "$process.Refresh()",
            "$cpu = ($process.TotalProcessorTime - $cpu).TotalMilliseconds",
            $"$null = {command}",
            "$first = $clock.Elapsed.TotalMilliseconds",
            "[string]::Format([cultureinfo]::InvariantCulture, '{0:0.0} {1:0.0} {2:0.0}', $import, $first, $cpu)");
        var start = new ProcessStartInfo(pwsh) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-NoProfile", "-NonInteractive", "-Command", script }) start.ArgumentList.Add(a);
        start.Environment["MESSAGINGPROVIDER_CONFIG_PATH"] = Path.Combine(Path.GetTempPath(), "mp-bench-" + Guid.NewGuid().ToString("N"));
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd().Trim();
        string errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        string[] parts = output.Split('\n').Last().Trim().Split(' ');
        if (process.ExitCode != 0 || parts.Length != 3) throw new InvalidOperationException($"pwsh failed ({process.ExitCode}): {output} {errors}");
        return (double.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture), double.Parse(parts[2], CultureInfo.InvariantCulture));
    }

    /// <summary>bench/MessagingProvider.ImportBenchmark.Baseline's build with a manifest beside it.</summary>
    private static string BaselineManifest()
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string bin = Path.Combine(dir.FullName, "bench", "MessagingProvider.ImportBenchmark.Baseline", "bin", "Release", "netstandard2.0");
            string dll = Path.Combine(bin, "MessagingProvider.ImportBenchmark.Baseline.dll");
            if (!File.Exists(dll)) continue;
            string manifest = Path.Combine(bin, "Baseline.psd1");
            File.WriteAllText(manifest, "@{ ModuleVersion = '1.0'; RootModule = 'MessagingProvider.ImportBenchmark.Baseline.dll'; CmdletsToExport = @('Get-BaselineGreeting'); FunctionsToExport = @(); AliasesToExport = @(); VariablesToExport = @() }");
            return manifest;
        }

        throw new InvalidOperationException("Build bench/MessagingProvider.ImportBenchmark.Baseline -c Release first.");
    }

    private static double Median(List<double> values)
    {
        double[] sorted = values.OrderBy(v => v).ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}

using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;

// Usage: MessagingProvider.ImportBenchmark <module.psd1> [runs]
//        MessagingProvider.ImportBenchmark --pwsh <path to pwsh> [module.psd1] [rounds=11]
// Each run is a fresh process (nothing cached in memory) that opens a PowerShell 7.6 runspace,
// then times Import-Module alone and Import-Module followed by a first command.
// --pwsh: real pwsh processes, alternating the module and the baseline module (one trivial
// cmdlet, netstandard2.0), so the figure that counts is a ratio from the same minutes.
if (args.Length >= 2 && args[0] == "--child") return Child(args[1]);
if (args.Length >= 2 && args[0] == "--pwsh") return RealPwsh.Compare(args[1], Path.GetFullPath(args.Length > 2 ? args[2] : "out/MessagingProvider/MessagingProvider.psd1"), args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 11);

string manifest = Path.GetFullPath(args.Length > 0 ? args[0] : "out/MessagingProvider/MessagingProvider.psd1");
int runs = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 21;
var import = new double[runs];
var firstCommand = new double[runs];
var process = new double[runs];
string self = typeof(Program).Assembly.Location;
for (int i = 0; i < runs; i++)
{
    var clock = Stopwatch.StartNew();
    var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
    start.ArgumentList.Add(self);
    start.ArgumentList.Add("--child");
    start.ArgumentList.Add(manifest);
    using Process child = Process.Start(start)!;
    string[] line = child.StandardOutput.ReadToEnd().Trim().Split(' ');
    child.WaitForExit();
    process[i] = clock.Elapsed.TotalMilliseconds;
    import[i] = double.Parse(line[0], CultureInfo.InvariantCulture);
    firstCommand[i] = double.Parse(line[1], CultureInfo.InvariantCulture);
}

Console.WriteLine($"runs: {runs} fresh processes");
Console.WriteLine($"Import-Module            median {Median(import):0} ms (min {import.Min():0}, max {import.Max():0})");
Console.WriteLine($"Import + Get-IdentityStore median {Median(firstCommand):0} ms");
Console.WriteLine($"whole process (engine start included) median {Median(process):0} ms");
return 0;

static int Child(string manifest)
{
    Environment.SetEnvironmentVariable("MESSAGINGPROVIDER_CONFIG_PATH", Path.Combine(Path.GetTempPath(), "mp-bench-" + Guid.NewGuid().ToString("N")));
    using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
    runspace.Open();
    // An interactive pwsh has already imported modules (PSReadLine) when the user types
    // Import-Module, so the engine's module machinery is warm: import a tiny manifest module first.
    string warmModule = Path.Combine(Path.GetTempPath(), "mp-bench-warm.psd1");
    File.WriteAllText(warmModule, "@{ ModuleVersion = '1.0' }");
    using PowerShell warmup = PowerShell.Create();
    warmup.Runspace = runspace;
    warmup.AddCommand("Import-Module").AddParameter("Name", warmModule).Invoke();

    using PowerShell ps = PowerShell.Create();
    ps.Runspace = runspace;
    var clock = Stopwatch.StartNew();
    ps.AddCommand("Import-Module").AddParameter("Name", manifest).Invoke();
    double import = clock.Elapsed.TotalMilliseconds;
    ps.Commands.Clear();
    ps.AddCommand("Get-IdentityStore").Invoke();
    double first = clock.Elapsed.TotalMilliseconds;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{import:0.0} {first:0.0}"));
    return 0;
}

static double Median(double[] values)
{
    double[] sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A stand-in Exchange server: a separate process hosting the PowerShell engine, reached with
/// NamedPipeConnectionInfo(ProcessId). Killing it is a real server failure.
/// </summary>
public sealed class ExchangeServerProcess : IDisposable
{
    /// <summary>
    /// The engine's named-pipe listener restarts asynchronously after a client disconnects; on
    /// Linux a client that connects within that window can wait forever (seen about once in ten
    /// immediate reconnects, never with a pause of 300 ms in 24). A real Exchange server has no such
    /// window, so reconnections to a stand-in wait this long first.
    /// </summary>
    public static readonly TimeSpan ReconnectPause = TimeSpan.FromMilliseconds(500);

    private readonly Process _process;
    private readonly object _sync = new object();
    private bool _connectedBefore;

    private ExchangeServerProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static ExchangeServerProcess Start(string name, StandInDirectory directory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(ProgramPath);
        start.ArgumentList.Add(ExchangeServerProgram.Verb);
        start.Environment["STANDIN_SERVER"] = name;
        start.Environment["STANDIN_STATE"] = directory.Path;
        start.Environment["STANDIN_DOMAIN"] = directory.Domain;
        foreach (KeyValuePair<string, string> pair in environment ?? new Dictionary<string, string>()) start.Environment[pair.Key] = pair.Value;

        Process process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the stand-in server.");
        process.ErrorDataReceived += (_, _) => { };
        process.BeginErrorReadLine();
        Task<string?> line = process.StandardOutput.ReadLineAsync();
        if (!line.Wait(TimeSpan.FromSeconds(60)) || line.Result is null || !line.Result.StartsWith("ready", StringComparison.Ordinal))
        {
            try { process.Kill(); } catch (InvalidOperationException) { }
            throw new InvalidOperationException($"The stand-in server '{name}' did not start: {line.Status} {(line.IsCompleted ? line.Result : "")}");
        }

        return new ExchangeServerProcess(name, process);
    }

    /// <summary>How the runner reaches this server: its engine's named pipe.</summary>
    public NamedPipeConnectionInfo ConnectionInfo()
    {
        lock (_sync)
        {
            if (_connectedBefore && !_process.HasExited) Thread.Sleep(ReconnectPause);
            _connectedBefore = true;
        }

        return new NamedPipeConnectionInfo(ProcessId);
    }

    /// <summary>A real server failure: the process is gone and its pipe with it.</summary>
    public void Kill()
    {
        if (_process.HasExited) return;
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(30_000);
    }

    public void WaitForExit() => _process.WaitForExit(30_000);

    /// <summary>True when the process ended within the time (a server told to exit after a change is not gone the instant its session drops).</summary>
    public bool WaitForExit(int milliseconds) => _process.WaitForExit(milliseconds);

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }

    /// <summary>
    /// This assembly in its own build output, where its deps.json names the engine's native
    /// libraries: a copy next to a test assembly cannot run as a program.
    /// </summary>
    private static string ProgramPath { get; } = FindProgram();

    private static string FindProgram()
    {
        string loaded = typeof(ExchangeServerProcess).Assembly.Location;
        if (File.Exists(System.IO.Path.ChangeExtension(loaded, ".deps.json"))) return loaded;
        string configuration = loaded.Contains(System.IO.Path.DirectorySeparatorChar + "Debug" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Debug" : "Release";
        for (DirectoryInfo? dir = new DirectoryInfo(System.IO.Path.GetDirectoryName(loaded)!); dir is not null; dir = dir.Parent)
        {
            string candidate = System.IO.Path.Combine(dir.FullName, "tests", "MessagingProvider.TestSupport", "bin", configuration, "net10.0", "MessagingProvider.TestSupport.dll");
            if (File.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException("The stand-in Exchange server is not built (dotnet build tests/MessagingProvider.TestSupport).");
    }
}

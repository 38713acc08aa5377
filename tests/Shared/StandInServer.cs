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
public sealed class StandInServer : IDisposable
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

    private StandInServer(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public int ProcessId => _process.Id;

    public bool HasExited => _process.HasExited;

    public static StandInServer Start(string name, StandInDirectory directory, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(StandInPaths.Assembly);
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

        return new StandInServer(name, process);
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

    public void Dispose()
    {
        Kill();
        _process.Dispose();
    }
}

/// <summary>The shared directory (objects) and journal of a set of stand-in servers, in a temp folder.</summary>
public sealed class StandInDirectory : IDisposable
{
    public StandInDirectory(string domain = "contoso.com")
    {
        Domain = domain;
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mp-standin-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string Domain { get; }

    /// <summary>Every change any stand-in server made: (server, command, identity).</summary>
    public IReadOnlyList<(string Server, string Command, string Identity)> Journal()
    {
        string file = System.IO.Path.Combine(Path, "journal.log");
        if (!File.Exists(file)) return Array.Empty<(string, string, string)>();
        return File.ReadAllLines(file)
            .Where(l => l.Length > 0)
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1], p[2]))
            .ToList();
    }

    /// <summary>What Get-ExchangeServer returns on every stand-in server: (Name, AdminDisplayVersion, ServerRole).</summary>
    public void SetExchangeServers(params (string Name, string Version, string Role)[] servers)
    {
        string json = "[" + string.Join(",", servers.Select(s =>
            $"{{\"Name\":\"{s.Name}\",\"Fqdn\":\"{s.Name}\",\"AdminDisplayVersion\":\"{s.Version}\",\"ServerRole\":\"{s.Role}\"}}")) + "]";
        File.WriteAllText(System.IO.Path.Combine(Path, "exchange-servers.json"), json);
    }

    /// <summary>Puts a recipient in the shared directory as if it had been mail-enabled long ago.</summary>
    public void SeedRecipient(string identity, string type, params string[] emailAddresses)
    {
        string objects = System.IO.Path.Combine(Path, "objects");
        Directory.CreateDirectory(objects);
        string primary = emailAddresses.First(a => a.StartsWith("SMTP:", StringComparison.Ordinal)).Substring(5);
        string json = System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["Key"] = identity, ["Name"] = identity, ["Alias"] = identity, ["RecipientTypeDetails"] = type,
            ["PrimarySmtpAddress"] = primary, ["EmailAddresses"] = emailAddresses, ["CreatedBy"] = "seed",
        });
        File.WriteAllText(System.IO.Path.Combine(objects, "seed-" + Guid.NewGuid().ToString("N") + ".json"), json);
    }

    /// <summary>The stored EmailAddresses of a recipient, as the stand-in keeps them.</summary>
    public string[] EmailAddressesOf(string identity)
    {
        foreach (string file in Directory.GetFiles(System.IO.Path.Combine(Path, "objects"), "*.json"))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            if (string.Equals(doc.RootElement.GetProperty("Key").GetString(), identity, StringComparison.OrdinalIgnoreCase))
            {
                return doc.RootElement.GetProperty("EmailAddresses").EnumerateArray().Select(e => e.GetString()!).ToArray();
            }
        }

        throw new InvalidOperationException($"No stand-in recipient '{identity}'.");
    }

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); } catch (IOException) { }
    }
}

public static class StandInPaths
{
    public static string Assembly { get; } = Find();

    private static string Find()
    {
        for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string project = System.IO.Path.Combine(dir.FullName, "tests", "MessagingProvider.ExchangeStandIn", "bin");
            if (!Directory.Exists(project)) continue;
            string? configuration = AppContext.BaseDirectory.Contains(System.IO.Path.DirectorySeparatorChar + "Debug" + System.IO.Path.DirectorySeparatorChar, StringComparison.Ordinal) ? "Debug" : "Release";
            string candidate = System.IO.Path.Combine(project, configuration, "net10.0", "MessagingProvider.ExchangeStandIn.dll");
            if (File.Exists(candidate)) return candidate;
        }

        throw new InvalidOperationException("The stand-in Exchange server is not built (tests/MessagingProvider.ExchangeStandIn).");
    }
}

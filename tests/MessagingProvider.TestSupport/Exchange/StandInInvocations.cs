using System;
using System.Collections;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Security;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Every New-, Enable- and Set- a stand-in server ran, with the parameters it was given:
/// invocations.log, "server TAB command TAB -Name=value -Name=value…" (a password is written
/// as ***), so tests see what reached the server and which server it was.
/// </summary>
public static class StandInInvocations
{
    private static readonly object Sync = new object();

    public static string File(string root) => Path.Combine(root, "invocations.log");

    public static void Record(string command, IDictionary bound)
    {
        if (!(command.StartsWith("New-", StringComparison.Ordinal) || command.StartsWith("Enable-", StringComparison.Ordinal) || command.StartsWith("Set-", StringComparison.Ordinal))) return;
        string root = Environment.GetEnvironmentVariable("STANDIN_STATE") ?? throw new InvalidOperationException("STANDIN_STATE is not set.");
        string parameters = string.Join(" ", bound.Keys.Cast<object>().Select(k => k.ToString()!).OrderBy(k => k, StringComparer.Ordinal).Select(k => $"-{k}={Text(bound[k])}"));
        lock (Sync) System.IO.File.AppendAllText(File(root), $"{StandInState.Server}\t{command}\t{parameters}\n");
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        SecureString => "***",
        PSObject o => Text(o.BaseObject),
        string s => s,
        IEnumerable list => string.Join(",", list.Cast<object?>().Select(Text)),
        _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture) ?? "",
    };
}

/// <summary>One line of invocations.log.</summary>
public sealed class StandInInvocation
{
    public StandInInvocation(string server, string command, IReadOnlyDictionary<string, string> parameters)
    {
        Server = server;
        Command = command;
        Parameters = parameters;
    }

    public string Server { get; }

    public string Command { get; }

    /// <summary>Parameter name to value as text (arrays joined with ',').</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; }

    public static IReadOnlyList<StandInInvocation> ReadAll(string root)
    {
        string file = StandInInvocations.File(root);
        if (!System.IO.File.Exists(file)) return Array.Empty<StandInInvocation>();
        return System.IO.File.ReadAllLines(file).Where(l => l.Length > 0).Select(Parse).ToList();
    }

    private static StandInInvocation Parse(string line)
    {
        string[] parts = line.Split('\t');
        var parameters = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (string pair in parts[2].Split(new[] { " -" }, StringSplitOptions.RemoveEmptyEntries))
        {
            string p = pair.TrimStart('-');
            int eq = p.IndexOf('=');
            parameters[p.Substring(0, eq)] = p.Substring(eq + 1);
        }

        return new StandInInvocation(parts[0], parts[1], parameters);
    }
}

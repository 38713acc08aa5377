using System;
using System.Diagnostics;

namespace MessagingProvider.Notifications.Outbox;

/// <summary>
/// Who holds a claimed message: machine, process id, process start time and a per-sender id. A
/// lease of a process that no longer runs on this machine is taken over at once (a job killed
/// with kill -9 must not block the next run); other leases only when they expire.
/// </summary>
public static class LeaseOwner
{
    private static readonly string ThisProcess = Describe(Process.GetCurrentProcess());

    /// <summary>A new owner id for one sender in this process.</summary>
    public static string New() => ThisProcess + "/" + Guid.NewGuid().ToString("N");

    public static bool IsDead(string owner)
    {
        string[] parts = owner.Split('/');
        if (parts.Length < 4 || !string.Equals(parts[0], Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return false;
        if (!int.TryParse(parts[1], out int pid)) return false;
        if (!long.TryParse(parts[2], out long started)) return false;
        try
        {
            using Process process = Process.GetProcessById(pid);
            // Another process with the same id started later; the start time is read with some
            // jitter on Linux (boot time is derived from the uptime), hence the tolerance.
            return Math.Abs(process.StartTime.ToUniversalTime().Ticks - started) > TimeSpan.TicksPerSecond * 2;
        }
        catch (ArgumentException)
        {
            return true;
        }
        catch (InvalidOperationException)
        {
            return true;
        }
    }

    private static string Describe(Process process) =>
        $"{Environment.MachineName}/{process.Id}/{process.StartTime.ToUniversalTime().Ticks}";
}

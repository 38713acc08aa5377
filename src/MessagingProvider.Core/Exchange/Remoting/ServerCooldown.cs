using System;
using System.Collections.Concurrent;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// Remembers, for the life of the process, which servers just failed, so the next commands
/// skip them for the cool-down instead of paying another connection timeout.
/// </summary>
public static class ServerCooldown
{
    private static readonly ConcurrentDictionary<string, (DateTimeOffset FailedAt, string Reason)> Failures =
        new ConcurrentDictionary<string, (DateTimeOffset, string)>(StringComparer.OrdinalIgnoreCase);

    public static void MarkFailed(string scope, string server, string reason, DateTimeOffset now) =>
        Failures[Key(scope, server)] = (now, reason);

    public static void MarkHealthy(string scope, string server) => Failures.TryRemove(Key(scope, server), out _);

    /// <summary>Whether the server failed less than <paramref name="cooldown"/> ago, and why it failed.</summary>
    public static bool IsCoolingDown(string scope, string server, TimeSpan cooldown, DateTimeOffset now, out string reason, out DateTimeOffset until)
    {
        reason = "";
        until = now;
        if (cooldown <= TimeSpan.Zero || !Failures.TryGetValue(Key(scope, server), out var failure)) return false;
        until = failure.FailedAt + cooldown;
        reason = failure.Reason;
        return until > now;
    }

    private static string Key(string scope, string server) => scope + "\n" + server;
}

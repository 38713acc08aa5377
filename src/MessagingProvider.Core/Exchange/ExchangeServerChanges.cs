using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;

namespace MessagingProvider.Exchange;

/// <summary>
/// Keeps an identity store's Exchange servers in priority order: priorities are always 1..n,
/// unique and contiguous. Every method validates all of its input before it changes anything.
/// </summary>
public static class ExchangeServerChanges
{
    private static readonly object RandomLock = new object();
    private static readonly Random SharedRandom = new Random();

    /// <summary>
    /// Adds servers. The first servers ever added get the highest priority on a randomly chosen one
    /// (as the product does); servers added later go last in the order given.
    /// </summary>
    public static IReadOnlyList<ExchangeServerEntry> Add(List<ExchangeServerEntry> servers, IEnumerable<string> names, Random? random = null)
    {
        var added = new List<ExchangeServerEntry>();
        var seen = new HashSet<string>(servers.Select(s => s.Name), StringComparer.OrdinalIgnoreCase);
        foreach (string raw in names)
        {
            string name = DomainName.RequireServer(raw);
            if (!seen.Add(name))
            {
                throw new MessagingProviderException(ErrorIds.ExchangeServerAlreadyExists, ErrorKind.AlreadyExists,
                    $"The Exchange server '{name}' is already in the list (or was given twice). Use Set-ExchangeServerPriority to move it.", name);
            }

            added.Add(new ExchangeServerEntry { Name = name });
        }

        if (servers.Count == 0 && added.Count > 1)
        {
            int first = NextRandom(random, added.Count);
            ExchangeServerEntry chosen = added[first];
            added.RemoveAt(first);
            added.Insert(0, chosen);
        }

        servers.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        servers.AddRange(added);
        Renumber(servers);
        return added;
    }

    public static IReadOnlyList<ExchangeServerEntry> Remove(List<ExchangeServerEntry> servers, IEnumerable<string> names)
    {
        var removed = new List<ExchangeServerEntry>();
        foreach (string name in names)
        {
            ExchangeServerEntry entry = Find(servers, name);
            if (!removed.Contains(entry)) removed.Add(entry);
        }

        foreach (ExchangeServerEntry entry in removed) servers.Remove(entry);
        Renumber(servers);
        return removed;
    }

    /// <summary>Moves a server to <paramref name="priority"/>; the servers in between shift by one.</summary>
    public static ExchangeServerEntry SetPriority(List<ExchangeServerEntry> servers, string name, int priority)
    {
        ExchangeServerEntry entry = Find(servers, name);
        if (priority < 1 || priority > servers.Count)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeServerPriorityOutOfRange, ErrorKind.InvalidArgument,
                $"Priority {priority} is out of range: this identity store has {servers.Count} Exchange server(s), so the priority must be from 1 to {servers.Count}.", priority);
        }

        servers.Sort((a, b) => a.Priority.CompareTo(b.Priority));
        servers.Remove(entry);
        servers.Insert(priority - 1, entry);
        Renumber(servers);
        return entry;
    }

    /// <summary>
    /// Replaces the list with <paramref name="names"/>: servers that stay keep their relative
    /// order and status, new ones go after them, missing ones are dropped.
    /// </summary>
    public static void Replace(List<ExchangeServerEntry> servers, IEnumerable<string> names, Random? random = null)
    {
        var wanted = names.Select(DomainName.RequireServer).ToList();
        var duplicate = wanted.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeServerAlreadyExists, ErrorKind.AlreadyExists,
                $"The Exchange server '{duplicate.Key}' was given twice.", duplicate.Key);
        }

        servers.RemoveAll(s => !wanted.Contains(s.Name, StringComparer.OrdinalIgnoreCase));
        Add(servers, wanted.Where(n => !servers.Any(s => string.Equals(s.Name, n, StringComparison.OrdinalIgnoreCase))).ToList(), random);
    }

    public static ExchangeServerEntry Find(List<ExchangeServerEntry> servers, string name)
    {
        ExchangeServerEntry? entry = servers.FirstOrDefault(s => string.Equals(s.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        if (entry is null)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeServerNotFound, ErrorKind.NotFound,
                $"'{name}' is not one of this identity store's Exchange servers. Run Get-ExchangeServer to list them, or Add-ExchangeServer to add it.", name);
        }

        return entry;
    }

    private static void Renumber(List<ExchangeServerEntry> servers)
    {
        for (int i = 0; i < servers.Count; i++) servers[i].Priority = i + 1;
    }

    private static int NextRandom(Random? random, int count)
    {
        if (random is not null) return random.Next(count);
        lock (RandomLock) return SharedRandom.Next(count);
    }
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace MessagingProvider.TestSupport;

/// <summary>One recipient of the shared stand-in directory (all stand-in servers see the same one, as Exchange servers share Active Directory).</summary>
public sealed class StandInRecipient
{
    public string Key { get; set; } = "";
    public string Name { get; set; } = "";
    public string Alias { get; set; } = "";
    public string RecipientTypeDetails { get; set; } = "";
    public string PrimarySmtpAddress { get; set; } = "";
    public List<string> EmailAddresses { get; set; } = new List<string>();
    public string? ExternalEmailAddress { get; set; }
    public string? FirstName { get; set; }
    public string? LastName { get; set; }
    public bool PasswordSet { get; set; }
    public string? DisplayName { get; set; }
    public List<string> ManagedBy { get; set; } = new List<string>();
    public bool HiddenFromAddressListsEnabled { get; set; }
    public bool RequireSenderAuthenticationEnabled { get; set; }
    public string MemberJoinRestriction { get; set; } = "Closed";
    public string MemberDepartRestriction { get; set; } = "Open";
    public string CreatedBy { get; set; } = "";
}

/// <summary>
/// The stand-in's state lives in files under STANDIN_STATE so that tests can read what happened
/// on which server even after a server process was killed: objects/ holds the directory,
/// journal.log one line per change ("server TAB command TAB identity").
/// </summary>
public static class StandInState
{
    private static readonly object Sync = new object();
    private static int _changes;

    public static string Server => Environment.GetEnvironmentVariable("STANDIN_SERVER") ?? "standin";

    public static string Domain => Environment.GetEnvironmentVariable("STANDIN_DOMAIN") ?? "contoso.com";

    private static string Root => Environment.GetEnvironmentVariable("STANDIN_STATE") ?? throw new InvalidOperationException("STANDIN_STATE is not set.");

    private static string Objects => Path.Combine(Root, "objects");

    public static IReadOnlyList<StandInRecipient> All()
    {
        if (!Directory.Exists(Objects)) return Array.Empty<StandInRecipient>();
        return Directory.GetFiles(Objects, "*.json")
            .Select(f => JsonSerializer.Deserialize<StandInRecipient>(File.ReadAllText(f))!)
            .ToList();
    }

    public static StandInRecipient? Find(string identity) =>
        All().FirstOrDefault(r => Matches(r.Key, identity) || Matches(r.Name, identity) || Matches(r.Alias, identity) || Matches(r.PrimarySmtpAddress, identity));

    public static StandInRecipient? FindKey(string key) => All().FirstOrDefault(r => Matches(r.Key, key));

    /// <summary>Stores a change and journals it. STANDIN_EXIT_AFTER_CHANGES=N makes the process die right after its Nth change, before answering: a server lost in the middle of a command.</summary>
    public static void Save(StandInRecipient recipient, string command)
    {
        lock (Sync)
        {
            Directory.CreateDirectory(Objects);
            // A recipient seeded by a test keeps its file; new ones get a name from their key.
            string file = Directory.GetFiles(Objects, "*.json").FirstOrDefault(f =>
                Matches(JsonSerializer.Deserialize<StandInRecipient>(File.ReadAllText(f))!.Key, recipient.Key)) ?? Path.Combine(Objects, FileName(recipient.Key));
            File.WriteAllText(file + ".tmp", JsonSerializer.Serialize(recipient));
            File.Move(file + ".tmp", file, overwrite: true);
            File.AppendAllText(Path.Combine(Root, "journal.log"), $"{Server}\t{command}\t{recipient.Key}\n");
            _changes++;
            if (int.TryParse(Environment.GetEnvironmentVariable("STANDIN_EXIT_AFTER_CHANGES"), out int limit) && _changes >= limit)
            {
                Environment.FailFast("Stand-in server killed after " + _changes + " change(s), as configured.");
            }
        }
    }

    /// <summary>Removes a recipient (Remove-*, Disable-*) and journals it; counts as a change for STANDIN_EXIT_AFTER_CHANGES.</summary>
    public static bool Delete(string key, string command)
    {
        lock (Sync)
        {
            if (!Directory.Exists(Objects)) return false;
            string? file = Directory.GetFiles(Objects, "*.json").FirstOrDefault(f => Matches(JsonSerializer.Deserialize<StandInRecipient>(File.ReadAllText(f))!.Key, key));
            if (file is null) return false;
            File.Delete(file);
            File.AppendAllText(Path.Combine(Root, "journal.log"), $"{Server}\t{command}\t{key}\n");
            _changes++;
            if (int.TryParse(Environment.GetEnvironmentVariable("STANDIN_EXIT_AFTER_CHANGES"), out int limit) && _changes >= limit)
            {
                Environment.FailFast("Stand-in server killed after " + _changes + " change(s), as configured.");
            }

            return true;
        }
    }

    /// <summary>Journals a read that tests count (accepted domains, recipient filters): reads.log, "server TAB command TAB detail".</summary>
    public static void Read(string command, string detail)
    {
        lock (Sync) File.AppendAllText(Path.Combine(Root, "reads.log"), $"{Server}\t{command}\t{detail}\n");
    }

    /// <summary>The organisation's accepted domains: accepted-domains.txt (one a line) when a test wrote it, else the stand-in's domain.</summary>
    public static IReadOnlyList<string> AcceptedDomains()
    {
        string file = Path.Combine(Root, "accepted-domains.txt");
        return File.Exists(file) ? File.ReadAllLines(file).Where(l => l.Length > 0).ToList() : new List<string> { Domain };
    }

    public static string ServersFile => Path.Combine(Root, "exchange-servers.json");

    private static bool Matches(string? value, string identity) => string.Equals(value, identity, StringComparison.OrdinalIgnoreCase);

    private static uint Fnv(string text)
    {
        uint hash = 2166136261;
        foreach (char c in text) hash = (hash ^ c) * 16777619;
        return hash;
    }

    private static string FileName(string key)
    {
        var chars = key.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars) + "-" + Fnv(key.ToLowerInvariant()).ToString("x8") + ".json";
    }
}

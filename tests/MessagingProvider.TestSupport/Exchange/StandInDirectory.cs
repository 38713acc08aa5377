using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace MessagingProvider.TestSupport;

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

    /// <summary>Reads the stand-ins journaled (Get-AcceptedDomain, Get-Recipient -Filter): (server, command, detail).</summary>
    public IReadOnlyList<StandInRead> Reads()
    {
        string file = System.IO.Path.Combine(Path, "reads.log");
        if (!File.Exists(file)) return Array.Empty<StandInRead>();
        return File.ReadAllLines(file).Where(l => l.Length > 0).Select(l => l.Split('\t')).Select(p => new StandInRead(p[0], p[1], p[2])).ToList();
    }

    /// <summary>Every New-, Enable- and Set- the stand-in servers ran, oldest first, with their parameters.</summary>
    public IReadOnlyList<StandInInvocation> Invocations() => StandInInvocation.ReadAll(Path);

    /// <summary>What Get-AcceptedDomain returns ("*.contoso.com" includes the subdomains).</summary>
    public void SetAcceptedDomains(params string[] domains) =>
        File.WriteAllLines(System.IO.Path.Combine(Path, "accepted-domains.txt"), domains);

    /// <summary>Whether a recipient of this identity is in the directory.</summary>
    public bool Contains(string identity)
    {
        string objects = System.IO.Path.Combine(Path, "objects");
        if (!Directory.Exists(objects)) return false;
        return Directory.GetFiles(objects, "*.json").Any(file =>
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            return string.Equals(doc.RootElement.GetProperty("Key").GetString(), identity, StringComparison.OrdinalIgnoreCase);
        });
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

    /// <summary>One stored property of a recipient as text (arrays joined with ';'), or null when the stand-in has none.</summary>
    public string? PropertyOf(string identity, string property)
    {
        foreach (string file in Directory.GetFiles(System.IO.Path.Combine(Path, "objects"), "*.json"))
        {
            using var doc = System.Text.Json.JsonDocument.Parse(File.ReadAllText(file));
            if (!string.Equals(doc.RootElement.GetProperty("Key").GetString(), identity, StringComparison.OrdinalIgnoreCase)) continue;
            if (!doc.RootElement.TryGetProperty(property, out var value)) return null;
            return value.ValueKind == System.Text.Json.JsonValueKind.Array
                ? string.Join(";", value.EnumerateArray().Select(e => e.ToString()))
                : value.ToString();
        }

        throw new InvalidOperationException($"No stand-in recipient '{identity}'.");
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

/// <summary>One journaled read of a stand-in server (a class, so that pwsh sees its property names).</summary>
public sealed class StandInRead
{
    public StandInRead(string server, string command, string detail)
    {
        Server = server;
        Command = command;
        Detail = detail;
    }

    public string Server { get; }

    public string Command { get; }

    public string Detail { get; }
}

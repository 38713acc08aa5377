using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Postfix + Dovecot from the Debian packages, private to one test run: configuration, queue,
/// maildirs and logs live in a temporary directory, every listener is on 127.0.0.1 on a free high
/// port, and the system instances are never touched. Postfix authenticates through Dovecot's auth
/// socket (passwd-file for PLAIN/LOGIN, locally validated HS256 JWTs for XOAUTH2/OAUTHBEARER) and
/// delivers over LMTP into Dovecot maildirs, which the tests read back over IMAP. IMAP listens
/// plain with STARTTLS (<see cref="ImapPort"/>) and with implicit TLS (<see cref="ImapsPort"/>);
/// SMTP AUTH on the STARTTLS port is offered only after STARTTLS, as on a real submission port.
/// </summary>
public sealed class MailServerFixture : IDisposable
{
    public const string Domain = "test.local";

    /// <summary>Also hosted (any mailbox), so the docs' examples can send to contoso.com as written.</summary>
    public const string ExampleDomain = "contoso.com";

    /// <summary>The docs' example account that logs in (with <see cref="MailboxPassword"/>).</summary>
    public const string ExampleMailbox = "anna.lee@contoso.com";
    public const string SenderUser = "smtp-sender@test.local";
    public const string MailboxPassword = "Mailbox-Pa55!";
    public const string AppMailbox = "notifier@test.local";

    /// <summary>Everyone who can log in over IMAP (all share <see cref="MailboxPassword"/>).</summary>
    public static readonly string[] Mailboxes =
    {
        "alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy",
        "mallory", "niaj", "olivia", "peggy", "rupert", "sybil", "trent", "victor", "walter", "notifier", "bench",
    };

    /// <summary>
    /// Mail-account logins (one mailbox name, one email address) whose INBOX is seeded with
    /// <see cref="SeededUnreadCount"/> unread and one read message, next to a Sent folder.
    /// No test sends to them, so the counts stay as seeded.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string> SeededAccounts = new Dictionary<string, string>
    {
        ["anna"] = "Anna-P@ss-1",
        ["ben@contoso.test"] = "Ben-P@ss-1",
    };

    public const int SeededUnreadCount = 2;

    private readonly List<int> _masterPids = new List<int>();

    private const int StartAttempts = 3;

    public MailServerFixture()
    {
        SenderPassword = "S3nder-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(6));
        SigningKey = RandomNumberGenerator.GetBytes(32);
        Certificate = TestCertificate.Create("mail.test.local", includeLocalhost: false);
        try
        {
            int attempt = 1;
            while (!TryStart(attempt)) attempt++;

            Mail = new MailboxReader("127.0.0.1", ImapPort, MailboxPassword);
            TokenEndpoint = new OAuthTokenEndpoint(SigningKey, TestCertificate.Create("localhost", includeLocalhost: true));
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>
    /// Starts Dovecot and Postfix on fresh ports in a fresh root. The ports are free when picked,
    /// not when bound: another test file starting its own server may take one in between, so a
    /// start that fails with "Address already in use" is tried again on other ports.
    /// </summary>
    private bool TryStart(int attempt)
    {
        Root = CreateRoot();
        StartTlsPort = FreePort.Next();
        ImplicitTlsPort = FreePort.Next();
        PlainPort = FreePort.Next();
        ImapPort = FreePort.Next();
        ImapsPort = FreePort.Next();
        LmtpPort = FreePort.Next();
        try
        {
            WriteConfiguration();
            StartDovecot();
            StartPostfix();
            foreach (int port in new[] { StartTlsPort, ImplicitTlsPort, PlainPort, ImapPort, ImapsPort }) WaitForPort(port);
            return true;
        }
        catch (InvalidOperationException) when (attempt < StartAttempts && LogTail().Contains("Address already in use", StringComparison.Ordinal))
        {
            StopDaemons();
            return false;
        }
    }

    public string Root { get; private set; } = "";
    public string Host => "127.0.0.1";
    public int StartTlsPort { get; private set; }
    public int ImplicitTlsPort { get; private set; }
    public int PlainPort { get; private set; }
    public int ImapPort { get; private set; }
    public int ImapsPort { get; private set; }
    public int LmtpPort { get; private set; }
    public string SenderPassword { get; }
    public byte[] SigningKey { get; }
    public TestCertificate Certificate { get; }
    public MailboxReader Mail { get; private set; } = null!;
    public OAuthTokenEndpoint TokenEndpoint { get; private set; } = null!;

    /// <summary>An SMTP endpoint description for the STARTTLS listener with the sender's basic credentials.</summary>
    public (string Host, int Port, string User, string Password) Submission => (Host, StartTlsPort, SenderUser, SenderPassword);

    public static string Address(string mailbox) => mailbox + "@" + Domain;

    /// <summary>Unread messages in a login's inbox, counted on disk (what LMTP delivered).</summary>
    public int NewMessageCount(string login)
    {
        string folder = Path.Combine(Root, "mail", login.ToLowerInvariant(), "Maildir", "new");
        return Directory.Exists(folder) ? Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>
    /// Benchmarks only: deletes what was delivered to a login's inbox, so each round delivers into
    /// an inbox of the same size. Dovecot notices at its next delivery. With tens of thousands of
    /// files, every LMTP delivery took longer (it reads the maildir's new/ folder), which made each
    /// round slower than the one before it, whichever sender ran it.
    /// </summary>
    public void EmptyInbox(string login)
    {
        foreach (string folder in new[] { "new", "cur" })
        {
            string path = Path.Combine(Root, "mail", login.ToLowerInvariant(), "Maildir", folder);
            if (!Directory.Exists(path)) continue;
            foreach (string file in Directory.EnumerateFiles(path)) File.Delete(file);
        }
    }

    /// <summary>
    /// Benchmarks only: keeps Postfix and Dovecot (their masters, what runs under them now and what
    /// they start later, which inherits the masters' affinity) on the given CPUs, e.g. "1", so they
    /// do not compete with the client for its cores, as a mail server on another host would not.
    /// </summary>
    public void PinDaemons(string cpuList)
    {
        var pids = new List<int>(_masterPids);
        for (int i = 0; i < pids.Count; i++)
        {
            foreach (string stat in Directory.GetDirectories("/proc").Select(d => Path.Combine(d, "stat")).Where(File.Exists))
            {
                string[] fields;
                try
                {
                    fields = File.ReadAllText(stat).Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                }
                catch (IOException)
                {
                    continue; // the process ended
                }

                if (int.Parse(fields[1]) == pids[i]) pids.Add(int.Parse(Path.GetFileName(Path.GetDirectoryName(stat)!)));
            }
        }

        // Never init or this process's own ancestors: pinning them would pin everything started later
        // on this machine (a machine once stayed on one core after a benchmark until this guard).
        var ancestors = new HashSet<int> { 0, 1 };
        for (int pid = Environment.ProcessId; pid > 1 && ancestors.Add(pid);) pid = ParentOf(pid);
        foreach (int pid in pids.Where(p => !ancestors.Contains(p))) Run("taskset", $"-a -p -c {cpuList} {pid}", $"taskset could not pin process {pid}");
    }

    private static int ParentOf(int pid)
    {
        try
        {
            return int.Parse(File.ReadAllText($"/proc/{pid}/stat").Split(')').Last().Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
        catch (IOException)
        {
            return 0;
        }
    }

    /// <summary>
    /// Waits (at most <paramref name="timeout"/>) until Postfix has delivered everything it
    /// accepted: no file left in its incoming, active or deferred queue. False when time ran out.
    /// </summary>
    public bool WaitUntilQueueEmpty(TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        string[] queues = { "incoming", "active", "deferred" };
        while (true)
        {
            bool empty = queues.Select(q => Path.Combine(Root, "postfix/queue", q))
                .All(q => !Directory.Exists(q) || Directory.GetFiles(q, "*", SearchOption.AllDirectories).Length == 0);
            if (empty) return true;
            if (DateTime.UtcNow > deadline) return false;
            Thread.Sleep(50);
        }
    }

    /// <summary>A unique marker to put into a subject so a test finds exactly its own message.</summary>
    public static string NewMarker() => "t" + Guid.NewGuid().ToString("N").Substring(0, 12);

    private static string CreateRoot()
    {
        string root = Path.Combine(Path.GetTempPath(), "mp-mail-" + Guid.NewGuid().ToString("N").Substring(0, 10));
        Directory.CreateDirectory(root);
        if (OperatingSystem.IsWindows()) throw new PlatformNotSupportedException("The mail server fixture runs Postfix and Dovecot (Linux).");
        // Postfix and Dovecot's unprivileged processes must traverse it (mktemp-style 0700 breaks them).
        File.SetUnixFileMode(root, (UnixFileMode)Convert.ToInt32("755", 8));
        return root;
    }

    private void WriteConfiguration()
    {
        foreach (string dir in new[] { "postfix/conf", "postfix/queue", "postfix/data", "dovecot/run", "dovecot/state", "dovecot/keys/default/HS256", "log", "tls", "mail" })
        {
            Directory.CreateDirectory(Path.Combine(Root, dir));
        }

        File.SetUnixFileMode(Path.Combine(Root, "mail"), (UnixFileMode)Convert.ToInt32("777", 8));
        Run("chown", $"postfix \"{Path.Combine(Root, "postfix/data")}\"");
        Certificate.WritePem(Path.Combine(Root, "tls/server.crt"), Path.Combine(Root, "tls/server.key"));

        File.WriteAllText(Path.Combine(Root, "postfix/conf/main.cf"), MailServerConfig.PostfixMain(Root, LmtpPort));
        File.WriteAllText(Path.Combine(Root, "postfix/conf/master.cf"), MailServerConfig.PostfixMaster(StartTlsPort, ImplicitTlsPort, PlainPort));
        File.WriteAllText(Path.Combine(Root, "postfix/recipient_access"), MailServerConfig.RecipientAccess);

        var users = Mailboxes.Select(m => new KeyValuePair<string, string>(Address(m), MailboxPassword)).ToList();
        users.Add(new KeyValuePair<string, string>(SenderUser, SenderPassword));
        users.Add(new KeyValuePair<string, string>(ExampleMailbox, MailboxPassword));
        users.AddRange(SeededAccounts);
        foreach (string login in SeededAccounts.Keys) SeedMaildir(Path.Combine(Root, "mail", login, "Maildir"));
        Run("chown", $"-R nobody:nogroup \"{Path.Combine(Root, "mail")}\"");
        File.WriteAllText(Path.Combine(Root, "dovecot/passwd"), MailServerConfig.PasswdFile(users));
        File.WriteAllText(Path.Combine(Root, "dovecot/oauth2.conf"), MailServerConfig.OAuth2Conf(Root));
        File.WriteAllText(Path.Combine(Root, "dovecot/keys/default/HS256/default"), Convert.ToBase64String(SigningKey));
        File.WriteAllText(Path.Combine(Root, "dovecot/dovecot.conf"), MailServerConfig.DovecotConf(Root, ImapPort, ImapsPort, LmtpPort));
    }

    private static void SeedMaildir(string maildir)
    {
        foreach (string folder in new[] { maildir, Path.Combine(maildir, ".Sent") })
        {
            foreach (string sub in new[] { "cur", "new", "tmp" }) Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        static string Message(string subject) => $"From: sender@fabrikam.test\r\nTo: user@contoso.test\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@fabrikam.test>\r\n\r\n{subject}\r\n";
        File.WriteAllText(Path.Combine(maildir, "new", "1000.unread1.mp"), Message("unread one"));
        File.WriteAllText(Path.Combine(maildir, "new", "1001.unread2.mp"), Message("unread two"));
        File.WriteAllText(Path.Combine(maildir, "cur", "1002.read.mp:2,S"), Message("already read"));
    }

    private void StartDovecot()
    {
        string conf = Path.Combine(Root, "dovecot/dovecot.conf");
        Run("/bin/sh", $"-c \"dovecot -c '{conf}' > '{Root}/log/dovecot-start.log' 2>&1\"", "dovecot failed to start; see " + Root + "/log");
        _masterPids.Add(WaitForPidFile(Path.Combine(Root, "dovecot/run/master.pid")));
        WaitForFile(Path.Combine(Root, "dovecot/run/auth-postfix"));
    }

    private void StartPostfix()
    {
        string conf = Path.Combine(Root, "postfix/conf");
        Run("/bin/sh", $"-c \"postfix -c '{conf}' start > '{Root}/log/postfix-start.log' 2>&1\"", "postfix failed to start; see " + Root + "/log");
        _masterPids.Add(WaitForPidFile(Path.Combine(Root, "postfix/queue/pid/master.pid")));
    }

    private static int WaitForPidFile(string path)
    {
        WaitForFile(path);
        for (int i = 0; i < 100; i++)
        {
            // Postfix keeps an exclusive lock on its PID file, which .NET's own reader honours.
            string text = ReadLocked(path).Trim();
            if (int.TryParse(text, out int pid)) return pid;
            Thread.Sleep(50);
        }

        throw new InvalidOperationException("No PID in " + path);
    }

    private static string ReadLocked(string path)
    {
        var info = new ProcessStartInfo("cat", $"\"{path}\"") { RedirectStandardOutput = true, UseShellExecute = false };
        using Process process = Process.Start(info)!;
        string text = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return text;
    }

    private static void WaitForFile(string path)
    {
        for (int i = 0; i < 200 && !File.Exists(path); i++) Thread.Sleep(50);
        if (!File.Exists(path)) throw new InvalidOperationException("Not created within 10 s: " + path);
    }

    private static void WaitForPort(int port)
    {
        for (int i = 0; i < 200; i++)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(50);
            }
        }

        throw new InvalidOperationException($"Nothing listens on 127.0.0.1:{port} after 10 s.");
    }

    private string Run(string file, string arguments, string? failure = null)
    {
        var info = new ProcessStartInfo(file, arguments) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using Process process = Process.Start(info)!;
        string output = process.StandardOutput.ReadToEnd() + process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0 && failure is not null)
        {
            throw new InvalidOperationException($"{failure} (exit {process.ExitCode}): {output} {LogTail()}");
        }

        return output;
    }

    public string LogTail()
    {
        string text = "";
        foreach (string file in new[] { "log/postfix.log", "log/dovecot.log", "log/postfix-start.log", "log/dovecot-start.log" })
        {
            string path = Path.Combine(Root, file);
            if (!File.Exists(path)) continue;
            string[] lines = File.ReadAllLines(path);
            text += $"\n--- {file}\n" + string.Join("\n", lines.Skip(Math.Max(0, lines.Length - 30)));
        }

        return text;
    }

    public void Dispose()
    {
        TokenEndpoint?.Dispose();
        StopDaemons();
        Certificate.Dispose();
    }

    /// <summary>Stops Postfix and Dovecot and removes the root.</summary>
    private void StopDaemons()
    {
        foreach (int pid in _masterPids)
        {
            // Each master leads its own process group: one signal stops it and its children.
            Run("kill", $"-TERM -- -{pid}");
            Run("kill", $"-TERM {pid}");
        }

        foreach (int pid in _masterPids)
        {
            for (int i = 0; i < 100 && Directory.Exists("/proc/" + pid); i++) Thread.Sleep(50);
        }

        _masterPids.Clear();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
        }
    }
}

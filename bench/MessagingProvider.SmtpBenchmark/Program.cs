using System;
using System.Collections.ObjectModel;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Net;
using MailKit.Net.Smtp;
using MailKit.Security;
using MessagingProvider.TestSupport;
using MimeKit;

// Usage: MessagingProvider.SmtpBenchmark [messages=1000] [streamMessages=10000] [groupMembers=5000] [moduleManifest]
//        MessagingProvider.SmtpBenchmark latency [messages=300] [streamMessages=10000] [rtts=20,50] [rounds=3]
//        MessagingProvider.SmtpBenchmark profile module|bare|bareasync|whatif [messages=1000] [rounds=10]
//          after the warm-up, only that path, round after round: client CPU, thread-pool work items
//          and the machine's CPU by process per message, this process's by thread (to attach perf to; see docs/performance.md)
// (moduleManifest: another build of the module, e.g. a previous version, to measure the same way; default out/MessagingProvider)
// bench/run-smtp-benchmark.sh runs either with one command and stops Postfix even when interrupted.
bool latency = args.Length > 0 && args[0] == "latency";
if (latency) args = args.Skip(1).ToArray();
string? profile = args.Length > 1 && args[0] == "profile" ? args[1] : null;
int profileRounds = profile is not null && args.Length > 3 ? int.Parse(args[3]) : 10;
if (profile is not null) args = args.Skip(2).Take(1).ToArray();
int messages = args.Length > 0 ? int.Parse(args[0]) : latency ? 300 : 1000;
int streamed = args.Length > 1 ? int.Parse(args[1]) : 10000;
int groupMembers = !latency && args.Length > 2 ? int.Parse(args[2]) : 5000;
int[] rtts = latency && args.Length > 2 ? args[2].Split(',').Select(int.Parse).ToArray() : new[] { 20, 50 };
int latencyRounds = latency && args.Length > 3 ? int.Parse(args[3]) : 3;
const string Recipient = "bench@test.local";

var server = new MailServerFixture();
// Postfix and Dovecot are daemons outside this process: stop them however the run ends (the end,
// an exception, Ctrl-C, SIGTERM, SIGHUP). The relays are threads of this process.
var cleanup = new Cleanup(server);
Console.CancelKeyPress += (_, e) => { e.Cancel = true; Console.Error.WriteLine("interrupted: stopping Postfix and Dovecot"); cleanup.Run(); Environment.Exit(130); };
AppDomain.CurrentDomain.ProcessExit += (_, _) => cleanup.Run();
using var onTerm = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGTERM, c => { c.Cancel = true; cleanup.Run(); Environment.Exit(143); });
using var onHup = System.Runtime.InteropServices.PosixSignalRegistration.Create(System.Runtime.InteropServices.PosixSignal.SIGHUP, c => { c.Cancel = true; cleanup.Run(); Environment.Exit(129); });
try
{
// bench/run-smtp-benchmark.sh --separate-cores: this process runs on CPU 0 (taskset) and the mail
// server on the others, as a server on another host would; by default all share the cores.
string? serverCpus = Environment.GetEnvironmentVariable("MP_BENCH_SERVER_CPUS");
if (!string.IsNullOrEmpty(serverCpus))
{
    server.PinDaemons(serverCpus);
    Console.WriteLine($"separate cores: Postfix and Dovecot on CPU {serverCpus}, this process on {Environment.ProcessorCount} other core(s)");
}

Console.WriteLine($"Postfix STARTTLS on 127.0.0.1:{server.StartTlsPort}; {messages} messages per scenario; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {DateTime.UtcNow:u}");

// The bare loop sends what the module sends: the same subject, text and HTML bodies (taken from
// Get-NotificationPreview once the module is imported), multipart/alternative, UTF-8, the same
// headers. Each message is built in the loop, as a script would. Until 2026-12-06 it sent a
// 200-byte text/plain message while the module sent its 2.5 KB HTML template, which charged the
// module for Postfix's and TLS's work on the larger message.
(string Subject, string Text, string Html) content = ("Group-{0} was modified", "Group-{0} was modified by admin@test.local.", "<p>Group-{0} was modified.</p>");

MimeMessage Message(int i)
{
    string name = "Group-" + i;
    var m = new MimeMessage();
    m.From.Add(MailboxAddress.Parse(MailServerFixture.SenderUser));
    m.To.Add(MailboxAddress.Parse(Recipient));
    m.Subject = content.Subject.Replace("Group-0", name);
    m.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
    m.Headers.Add("X-MessagingProvider-Event", "ObjectModified");
    var text = new TextPart("plain");
    text.SetText("utf-8", content.Text.Replace("Group-0", name));
    var html = new TextPart("html");
    html.SetText("utf-8", content.Html.Replace("Group-0", name));
    m.Body = new MultipartAlternative { text, html };
    return m;
}

int smtpPort = server.StartTlsPort;
SmtpCapabilities capabilities = SmtpCapabilities.None;

SmtpClient Connect()
{
    var client = new SmtpClient { ServerCertificateValidationCallback = (_, c, _, _) => server.Certificate.Matches(c) };
    client.Connect(server.Host, smtpPort, SecureSocketOptions.StartTls);
    client.Authenticate(MailServerFixture.SenderUser, server.SenderPassword);
    return client;
}

double Bare(int count)
{
    var clock = Stopwatch.StartNew();
    using SmtpClient client = Connect();
    capabilities = client.Capabilities;
    for (int i = 0; i < count; i++) client.Send(Message(i));
    client.Disconnect(true);
    return clock.Elapsed.TotalSeconds;
}

// The machine's CPU time so far (/proc/stat: busy, all) and the share busy between two readings.
static long[] SystemCpu()
{
    long[] v = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
    long idle = v[3] + v[4];
    return new[] { v.Take(8).Sum() - idle, v.Take(8).Sum() };
}

// utime + stime (10 ms ticks) of every process now, with its name (kernel threads included).
static System.Collections.Generic.Dictionary<int, (string Name, long Ticks)> ProcessCpu() =>
    CpuOf("/proc", name => System.Text.RegularExpressions.Regex.Replace(name, @"[/:]\d.*|\d+$", ""));

// The same for this process's threads now, by thread name (the pool's workers share one; a thread
// that ended meanwhile, such as a finished run's connection thread, is not counted).
static System.Collections.Generic.Dictionary<int, (string Name, long Ticks)> ThreadCpu() => CpuOf("/proc/self/task", name => name);

static System.Collections.Generic.Dictionary<int, (string Name, long Ticks)> CpuOf(string folder, Func<string, string> nameOf)
{
    var all = new System.Collections.Generic.Dictionary<int, (string, long)>();
    foreach (string dir in Directory.GetDirectories(folder))
    {
        if (!int.TryParse(Path.GetFileName(dir), out int id)) continue;
        try
        {
            string stat = File.ReadAllText(Path.Combine(dir, "stat"));
            string name = stat.Substring(stat.IndexOf('(') + 1, stat.LastIndexOf(')') - stat.IndexOf('(') - 1);
            string[] f = stat.Substring(stat.LastIndexOf(')') + 2).Split(' ');
            all[id] = (nameOf(name), long.Parse(f[11]) + long.Parse(f[12]));
        }
        catch (IOException)
        {
        }
    }

    return all;
}

static double Busy(long[] before, long[] after) => 100.0 * (after[0] - before[0]) / Math.Max(1, after[1] - before[1]);

// The bare loop on MailKit's async API: what async I/O costs by itself.
async System.Threading.Tasks.Task<double> BareAsync(int count)
{
    var clock = Stopwatch.StartNew();
    using SmtpClient client = Connect();
    for (int i = 0; i < count; i++) await client.SendAsync(Message(i)).ConfigureAwait(false);
    await client.DisconnectAsync(true).ConfigureAwait(false);
    return clock.Elapsed.TotalSeconds;
}

double PerMessage(int count)
{
    var clock = Stopwatch.StartNew();
    for (int i = 0; i < count; i++)
    {
        using SmtpClient client = Connect();
        client.Send(Message(i));
        client.Disconnect(true);
    }

    return clock.Elapsed.TotalSeconds;
}

string root = FindRoot();
string config = Path.Combine(Path.GetTempPath(), "mp-bench-" + Guid.NewGuid().ToString("N"));
Environment.SetEnvironmentVariable("MESSAGINGPROVIDER_CONFIG_PATH", config);
using Runspace runspace = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
runspace.Open();
string manifest = !latency && args.Length > 3 ? Path.GetFullPath(args[3]) : Path.Combine(root, "out", "MessagingProvider", "MessagingProvider.psd1");
Console.WriteLine($"module: {manifest}");
Invoke("Import-Module -Name $args[0] -ErrorAction Stop", manifest);
Invoke("New-IdentityStore -Name Bench");
Invoke("Set-SmtpServer -IdentityStore Bench -Server $args[0] -Port $args[1] -From $args[2] -Security StartTls -Authentication Basic -Credential $args[3] -CertificateThumbprint $args[4]",
    server.Host, server.StartTlsPort, MailServerFixture.SenderUser,
    new PSCredential(MailServerFixture.SenderUser, new NetworkCredential("", server.SenderPassword).SecurePassword), server.Certificate.Thumbprint);

Collection<PSObject> preview = Invoke("Get-NotificationPreview -IdentityStore Bench -Event ObjectModified -InputObject @{ Name = 'Group-0'; ObjectClass = 'group' } -To $args[0]", Recipient);
content = ((string)preview[0].Properties["Subject"].Value, (string)preview[0].Properties["TextBody"].Value, (string)preview[0].Properties["HtmlBody"].Value);
Console.WriteLine($"message content (both): subject {content.Subject.Length} chars, text {content.Text.Length}, HTML {content.Html.Length}; rendered MIME {Message(0).ToString().Length} bytes");

// Input objects are built before the clock starts, as the bare loop's are built in C#: what is
// timed is the module's own work (reading objects, resolving, rendering, sending, results).
const string PrepareScript = @"
    param($count)
    $global:inputs = [object[]](1..$count | ForEach-Object { @{ Name = ""Group-$_""; ObjectClass = 'group' } })";

const string TimedScript = @"
    param($recipient)
    $global:inputs | Send-Notification -IdentityStore Bench -Event ObjectModified -To $recipient | Out-Null";

const string TimedParallelScript = @"
    param($recipient, $connections)
    $global:inputs | Send-Notification -IdentityStore Bench -Event ObjectModified -To $recipient -MaxConnection $connections | Out-Null";

const string ModuleScript = @"
    param($count, $recipient, $sampleEvery, $connections)
    $sent = 0
    $samples = [System.Collections.Generic.List[long]]::new()
    1..$count | ForEach-Object { @{ Name = ""Group-$_""; ObjectClass = 'group' } } |
        Send-Notification -IdentityStore Bench -Event ObjectModified -To $recipient -MaxConnection $connections |
        ForEach-Object { $sent++; if ($sent % $sampleEvery -eq 0) { $samples.Add([GC]::GetTotalMemory($true)) } }
    $sent
    $samples";

const string GroupScript = @"
    param($members)
    $group = @{ Name = 'AllStaff'; ObjectClass = 'group'; Members = [object[]](1..$members | ForEach-Object { ""member$_@test.local"" }) }
    Set-NotificationPolicy -IdentityStore Bench -NotifyModifiedObject
    $clock = [System.Diagnostics.Stopwatch]::StartNew()
    $result = Send-Notification -IdentityStore Bench -Event ObjectModified -InputObject $group
    $clock.Elapsed.TotalSeconds
    ""$($result.Status)""
    $result.Bcc.Count
    $result.OutboxId.Count";

double ModuleTimed(int count, int connections = 1)
{
    Invoke(PrepareScript, count);
    var clock = Stopwatch.StartNew();
    if (connections == 1) Invoke(TimedScript, Recipient);
    else Invoke(TimedParallelScript, Recipient, connections);
    return clock.Elapsed.TotalSeconds;
}

// Rendering and the pipeline alone: -WhatIf stores and sends nothing.
double WhatIfTimed(int count)
{
    Invoke(PrepareScript, count);
    var clock = Stopwatch.StartNew();
    Invoke(TimedScript.Replace("| Out-Null", "-WhatIf | Out-Null"), Recipient);
    return clock.Elapsed.TotalSeconds;
}

(double Seconds, long[] Samples) Module(int count, int sampleEvery, int connections = 1)
{
    var clock = Stopwatch.StartNew();
    Collection<PSObject> output = Invoke(ModuleScript, count, Recipient, sampleEvery, connections);
    double seconds = clock.Elapsed.TotalSeconds;
    if ((int)output[0].BaseObject != count) throw new InvalidOperationException($"module sent {output[0]} of {count}");
    return (seconds, output.Skip(1).Select(o => (long)o.BaseObject).ToArray());
}

// Warm-up: JIT, TLS session set-up, module import. 300 messages each, so tiered compilation has
// replaced the first code of both paths (with 50, the first timed round of each ran up to twice slower).
// Then 40 short runs of exactly what the rounds time: code that runs once per run (PowerShell's
// pipeline set-up, the cmdlet's begin and end, opening the outbox; the bare loop's connect) is
// promoted by tiered compilation after 30 calls, so without them each timed round of 1,000
// messages also paid for recompiling 250 to 400 such methods (JitInfo counted them), a cost of the
// warm-up and not of sending.
Bare(300);
PerMessage(20);
Module(300, 300);
for (int i = 0; i < 40; i++)
{
    Bare(5);
    ModuleTimed(5);
}

// Then both paths until tiered compilation has settled: its promotions start only once new code
// stops appearing, and then run for a few thousand messages (measured: 6,000 methods recompiled
// during the first timed round and 2,500 during the third, on the JIT's own thread, which takes
// CPU from whichever round runs). Settled: fewer than 150 methods compiled over 400 messages.
int warmRounds = 0;
long compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
for (long last = -1; warmRounds < 25 && (last < 0 || compiled - last >= 150); warmRounds++)
{
    last = compiled;
    Bare(200);
    ModuleTimed(200);
    compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
}

Console.WriteLine($"warm-up: {warmRounds} pairs of 200 messages until tiered compilation settled; {compiled} methods compiled");

// Rounds in alternating order. Before each, Postfix delivers what the previous
// scenario left in its queue (otherwise its queue manager competes for the 2 cores with whichever
// scenario runs next), and the inbox is emptied: Dovecot's delivery slows as the maildir grows,
// which made every round slower than the one before (LMTP 2.1 ms of CPU per message in one round,
// 3.3 ms three rounds later).
void Drain()
{
    if (!server.WaitUntilQueueEmpty(TimeSpan.FromMinutes(2))) Console.WriteLine("(Postfix's queue did not empty within 2 minutes)");
    server.EmptyInbox(Recipient.Split('@')[0]);
}

if (latency)
{
    RunLatency();
    return 0;
}

if (profile is not null)
{
    Console.WriteLine($"PROFILE START {profile} {DateTime.UtcNow:HH:mm:ss.fff}");
    for (int round = 0; round < profileRounds; round++)
    {
        Drain();
        TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
        long items = System.Threading.ThreadPool.CompletedWorkItemCount;
        long[] cpuBefore = SystemCpu();
        var processesBefore = ProcessCpu();
        var threadsBefore = ThreadCpu();
        double seconds = profile == "bare" ? Bare(messages) : profile == "bareasync" ? BareAsync(messages).GetAwaiter().GetResult() : profile == "whatif" ? WhatIfTimed(messages) : ModuleTimed(messages);
        Console.WriteLine($"{profile} round {round + 1}: {seconds:0.00} s, client CPU {(Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / messages:0.00} ms/msg, methods compiled so far {System.Runtime.JitInfo.GetCompiledMethodCount()}, thread-pool work items per message {(double)(System.Threading.ThreadPool.CompletedWorkItemCount - items) / messages:0.00}, machine busy {Busy(cpuBefore, SystemCpu()):0}% of {Environment.ProcessorCount} cores");
        var processesAfter = ProcessCpu();
        var byName = processesAfter.Select(p => (p.Value.Name, Ticks: p.Value.Ticks - (processesBefore.TryGetValue(p.Key, out var b) ? b.Ticks : 0)))
            .GroupBy(p => p.Name).Select(g => (Name: g.Key, Ms: g.Sum(x => x.Ticks) * 10.0 / messages)).Where(g => g.Ms >= 0.05).OrderByDescending(g => g.Ms);
        Console.WriteLine("  CPU ms per message by process: " + string.Join(", ", byName.Select(g => $"{g.Name} {g.Ms:0.00}")));
        var threadsAfter = ThreadCpu();
        var byThread = threadsAfter.Select(t => (t.Value.Name, Ticks: t.Value.Ticks - (threadsBefore.TryGetValue(t.Key, out var b) ? b.Ticks : 0)))
            .GroupBy(t => t.Name).Select(g => (Name: g.Key, Ms: g.Sum(x => x.Ticks) * 10.0 / messages)).Where(g => g.Ms >= 0.02).OrderByDescending(g => g.Ms);
        Console.WriteLine("  client CPU ms per message by thread: " + string.Join(", ", byThread.Select(g => $"{g.Name} {g.Ms:0.00}")));
    }

    Directory.Delete(config, recursive: true);
    return 0;
}

// 15 pairs: on this 2-core virtual machine one round can take 40 % longer than the next for either
// sender (the host, and bursts of tiered compilation: up to 0.66 ms per message of a round on the
// JIT's thread); with 5 the median still moved by ±0.15x from one run to the next.
const int Rounds = 15;
var bareRounds = new System.Collections.Generic.List<double>();
var moduleRounds = new System.Collections.Generic.List<double>();
var bareCpu = new System.Collections.Generic.List<double>();
var moduleCpu = new System.Collections.Generic.List<double>();
// CPU time of this process (the client side: MailKit, and for the module also PowerShell, the
// renderer and the outbox) per message: unlike elapsed time it hardly moves when other work
// competes for the 2 cores, so it shows the module's own cost even on a busy machine.
void Timed(System.Collections.Generic.List<double> rounds, System.Collections.Generic.List<double> cpu, Func<double> run)
{
    TimeSpan before = Process.GetCurrentProcess().TotalProcessorTime;
    long jit = System.Runtime.JitInfo.GetCompiledMethodCount();
    int gen0 = GC.CollectionCount(0), gen2 = GC.CollectionCount(2);
    long contention = System.Threading.Monitor.LockContentionCount;
    rounds.Add(run());
    cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - before).TotalMilliseconds / messages);
    Console.WriteLine($"  {(rounds == bareRounds ? "bare  " : "module")} {rounds[^1]:0.00} s, client CPU {cpu[^1]:0.00} ms/msg, methods compiled {System.Runtime.JitInfo.GetCompiledMethodCount() - jit}, GCs gen0 {GC.CollectionCount(0) - gen0} gen2 {GC.CollectionCount(2) - gen2}, lock contentions {System.Threading.Monitor.LockContentionCount - contention}");
}

Drain();
double perMessage = PerMessage(messages);
for (int round = 0; round < Rounds; round++)
{
    Drain();
    if (round % 2 == 0) Timed(bareRounds, bareCpu, () => Bare(messages));
    else Timed(moduleRounds, moduleCpu, () => ModuleTimed(messages));
    Drain();
    if (round % 2 == 0) Timed(moduleRounds, moduleCpu, () => ModuleTimed(messages));
    else Timed(bareRounds, bareCpu, () => Bare(messages));
}

static double MedianOf(System.Collections.Generic.IEnumerable<double> values)
{
    var sorted = values.OrderBy(v => v).ToArray();
    return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
}

Console.WriteLine($"rounds (s): bare {string.Join(" / ", bareRounds.Select(r => r.ToString("0.00")))}; module {string.Join(" / ", moduleRounds.Select(r => r.ToString("0.00")))}");
Console.WriteLine($"client CPU per message (ms): bare {string.Join(" / ", bareCpu.Select(r => r.ToString("0.00")))}; module {string.Join(" / ", moduleCpu.Select(r => r.ToString("0.00")))}");
Console.WriteLine($"medians: bare {MedianOf(bareRounds):0.00} s, module {MedianOf(moduleRounds):0.00} s, module / bare {MedianOf(bareRounds) / MedianOf(moduleRounds):0.00}x; client CPU bare {MedianOf(bareCpu):0.00} ms/msg, module {MedianOf(moduleCpu):0.00} ms/msg");
// Each round's two runs back to back: what still drifts between rounds (the server's state, other
// work on the host) cancels out of their ratio.
var paired = bareRounds.Zip(moduleRounds, (b, m) => b / m).ToList();
Console.WriteLine($"module / bare per round: {string.Join(" / ", paired.Select(r => r.ToString("0.00")))}; median {MedianOf(paired):0.00}x");
double bare = bareRounds.Min();
double module = moduleRounds.Min();
Console.WriteLine($"bare MailKit loop, one connection : {bare,7:0.00} s  {messages / bare,7:0} msg/s");
Console.WriteLine($"connection per message            : {perMessage,7:0.00} s  {messages / perMessage,7:0} msg/s");
Console.WriteLine($"module (Send-Notification)        : {module,7:0.00} s  {messages / module,7:0} msg/s");
Console.WriteLine($"module / bare loop                : {bare / module:0.00}x throughput");
Console.WriteLine($"module / connection per message   : {perMessage / module:0.0}x throughput");

var (streamSeconds, samples) = Module(streamed, streamed / 10);
Console.WriteLine($"streaming {streamed} through the module: {streamSeconds:0.0} s; managed heap after each 10%: {string.Join(", ", samples.Select(s => (s / 1024.0 / 1024.0).ToString("0.0") + " MiB"))}");
string outbox = Path.Combine(config, "outbox", "bench.db");
int kept = (int)Invoke("@(Get-NotificationHistory -IdentityStore Bench).Count")[0].BaseObject;
Console.WriteLine($"outbox database after {kept} messages (history kept): {new FileInfo(outbox).Length / 1024} KiB (+ WAL {(File.Exists(outbox + "-wal") ? new FileInfo(outbox + "-wal").Length / 1024 : 0)} KiB)");

if (File.Exists("/usr/bin/sqlite3"))
{
    // What takes the space: messages per state, and the MIME still held (a final message keeps none).
    var query = new ProcessStartInfo("/usr/bin/sqlite3", $"\"{outbox}\" \"SELECT state, count(*) FROM message GROUP BY state; SELECT count(*), coalesce(sum(length(mime)), 0) FROM message_mime; PRAGMA page_size; PRAGMA page_count; PRAGMA freelist_count; SELECT avg(length(recipients)+length(coalesce(last_reply,''))+length(subject)) FROM message\"") { RedirectStandardOutput = true };
    using Process sqlite = Process.Start(query)!;
    Console.WriteLine($"outbox rows (state|count per state; messages with MIME|MIME bytes; page size, pages, free pages; average row text): {sqlite.StandardOutput.ReadToEnd().Trim().Replace('\n', ' ')}");
    sqlite.WaitForExit();
}

// One notification about a group whose members are role-based recipients: blind copies, split at
// the store's 100 recipients per transaction (Postfix's own limit is 1,000).
Collection<PSObject> group = Invoke(GroupScript, groupMembers);
Console.WriteLine($"group of {groupMembers} members: {(double)group[0].BaseObject:0.00} s, status {group[1]}, {group[2]} Bcc recipients in {group[3]} transactions");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
Directory.Delete(config, recursive: true);
return 0;

// Through the latency relay: each scenario at each RTT, alternating, median of the rounds; round
// trips per message as the relay counted them (the times a client waited for the server).
void RunLatency()
{
    Console.WriteLine($"server capabilities MailKit saw: {capabilities}");
    foreach (int rtt in rtts)
    {
        using var relay = new LatencyRelay(server.StartTlsPort, TimeSpan.FromMilliseconds(rtt));
        smtpPort = relay.Port;
        Invoke("Set-SmtpServer -IdentityStore Bench -Port $args[0]", relay.Port);
        int perCount = Math.Max(20, messages / 5);
        var times = new System.Collections.Generic.Dictionary<string, System.Collections.Generic.List<double>>();
        var trips = new System.Collections.Generic.Dictionary<string, double>();
        void Measure(string name, int count, Func<double> run)
        {
            Drain();
            long before = relay.RoundTrips;
            double seconds = run();
            if (!times.TryGetValue(name, out var list)) times[name] = list = new System.Collections.Generic.List<double>();
            list.Add(seconds / count);
            trips[name] = (double)(relay.RoundTrips - before) / count;
        }

        Measure("warm-up", 20, () => ModuleTimed(20, 4));
        for (int round = 0; round < latencyRounds; round++)
        {
            var order = new (string Name, int Count, Func<double> Run)[]
            {
                ("connection per message", perCount, () => PerMessage(perCount)),
                ("bare MailKit loop, one connection", messages, () => Bare(messages)),
                ("module, one connection", messages, () => ModuleTimed(messages)),
                ("module, -MaxConnection 4", messages, () => ModuleTimed(messages, 4)),
            };
            // Rotate the order each round so no scenario always follows the same one.
            foreach (var s in order.Skip(round % order.Length).Concat(order.Take(round % order.Length))) Measure(s.Name, s.Count, s.Run);
        }

        Console.WriteLine($"--- RTT {rtt} ms through the relay; {messages} messages per scenario ({perCount} for connection per message); {latencyRounds} rounds; median per message");
        double bareMedian = MedianOf(times["bare MailKit loop, one connection"]);
        double perMedian = MedianOf(times["connection per message"]);
        foreach (string name in new[] { "connection per message", "bare MailKit loop, one connection", "module, one connection", "module, -MaxConnection 4" })
        {
            double median = MedianOf(times[name]);
            Console.WriteLine($"{name,-36}: {median * 1000,7:0.0} ms/msg {1 / median,7:0.0} msg/s  {trips[name],5:0.00} round trips/msg  x{bareMedian / median:0.00} bare loop  x{perMedian / median:0.0} conn/msg  rounds {string.Join(" / ", times[name].Select(t => (t * 1000).ToString("0.0")))} ms/msg");
        }
    }

    if (streamed > 0)
    {
        using var relay = new LatencyRelay(server.StartTlsPort, TimeSpan.FromMilliseconds(rtts[0]));
        Invoke("Set-SmtpServer -IdentityStore Bench -Port $args[0]", relay.Port);
        Drain();
        var (seconds, samples) = Module(streamed, streamed / 10, 4);
        Console.WriteLine($"streaming {streamed} through the module, -MaxConnection 4, RTT {rtts[0]} ms: {seconds:0.0} s ({streamed / seconds:0} msg/s); managed heap after each 10%: {string.Join(", ", samples.Select(s => (s / 1024.0 / 1024.0).ToString("0.0") + " MiB"))}");
    }

    Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
    Directory.Delete(config, recursive: true);
}

Collection<PSObject> Invoke(string script, params object[] arguments)
{
    using PowerShell ps = PowerShell.Create();
    ps.Runspace = runspace;
    ps.AddScript(script);
    foreach (object a in arguments) ps.AddArgument(a);
    Collection<PSObject> output = ps.Invoke();
    if (ps.Streams.Error.Count > 0) throw new InvalidOperationException(string.Join("; ", ps.Streams.Error.Select(e => e.ToString())));
    return output;
}
}
catch (Exception) when (cleanup.Started)
{
    // A signal stopped the mail server under the running scenario: its handler exits the process.
    System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);
    return 1;
}
finally
{
    cleanup.Run();
}

static string FindRoot()
{
    for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MessagingProvider.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("MessagingProvider.sln not found");
}

/// <summary>Stops the mail server once, whichever of the end, an exception or a signal comes first.</summary>
sealed class Cleanup
{
    private readonly MailServerFixture _server;
    private readonly object _sync = new object();
    private volatile bool _started;

    public Cleanup(MailServerFixture server) => _server = server;

    public bool Started => _started;

    /// <summary>Blocks a second caller until the first has stopped the server.</summary>
    public void Run()
    {
        lock (_sync)
        {
            if (_started) return;
            _started = true;
            _server.Dispose();
        }
    }
}

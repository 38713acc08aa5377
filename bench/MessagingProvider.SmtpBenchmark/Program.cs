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
// (moduleManifest: another build of the module, e.g. a previous version, to measure the same way; default out/MessagingProvider)
int messages = args.Length > 0 ? int.Parse(args[0]) : 1000;
int streamed = args.Length > 1 ? int.Parse(args[1]) : 10000;
int groupMembers = args.Length > 2 ? int.Parse(args[2]) : 5000;
const string Recipient = "bench@test.local";

using var server = new MailServerFixture();
Console.WriteLine($"Postfix STARTTLS on 127.0.0.1:{server.StartTlsPort}; {messages} messages per scenario; {Environment.ProcessorCount} cores; .NET {Environment.Version}; {DateTime.UtcNow:u}");

MimeMessage Message(int i)
{
    var m = new MimeMessage();
    m.From.Add(MailboxAddress.Parse(MailServerFixture.SenderUser));
    m.To.Add(MailboxAddress.Parse(Recipient));
    m.Subject = $"Group-{i} was modified";
    m.Body = new TextPart("plain") { Text = $"Group-{i} was modified by admin@test.local.\r\n\r\nThis notification was sent for the identity store Bench." };
    return m;
}

SmtpClient Connect()
{
    var client = new SmtpClient { ServerCertificateValidationCallback = (_, c, _, _) => server.Certificate.Matches(c) };
    client.Connect(server.Host, server.StartTlsPort, SecureSocketOptions.StartTls);
    client.Authenticate(MailServerFixture.SenderUser, server.SenderPassword);
    return client;
}

double Bare(int count)
{
    var clock = Stopwatch.StartNew();
    using SmtpClient client = Connect();
    for (int i = 0; i < count; i++) client.Send(Message(i));
    client.Disconnect(true);
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
string manifest = args.Length > 3 ? Path.GetFullPath(args[3]) : Path.Combine(root, "out", "MessagingProvider", "MessagingProvider.psd1");
Console.WriteLine($"module: {manifest}");
Invoke("Import-Module -Name $args[0] -ErrorAction Stop", manifest);
Invoke("New-IdentityStore -Name Bench");
Invoke("Set-SmtpServer -IdentityStore Bench -Server $args[0] -Port $args[1] -From $args[2] -Security StartTls -Authentication Basic -Credential $args[3] -CertificateThumbprint $args[4]",
    server.Host, server.StartTlsPort, MailServerFixture.SenderUser,
    new PSCredential(MailServerFixture.SenderUser, new NetworkCredential("", server.SenderPassword).SecurePassword), server.Certificate.Thumbprint);

// Input objects are built before the clock starts, as the bare loop's are built in C#: what is
// timed is the module's own work (reading objects, resolving, rendering, sending, results).
const string PrepareScript = @"
    param($count)
    $global:inputs = [object[]](1..$count | ForEach-Object { @{ Name = ""Group-$_""; ObjectClass = 'group' } })";

const string TimedScript = @"
    param($recipient)
    $global:inputs | Send-Notification -IdentityStore Bench -Event ObjectModified -To $recipient | Out-Null";

const string ModuleScript = @"
    param($count, $recipient, $sampleEvery)
    $sent = 0
    $samples = [System.Collections.Generic.List[long]]::new()
    1..$count | ForEach-Object { @{ Name = ""Group-$_""; ObjectClass = 'group' } } |
        Send-Notification -IdentityStore Bench -Event ObjectModified -To $recipient |
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

double ModuleTimed(int count)
{
    Invoke(PrepareScript, count);
    var clock = Stopwatch.StartNew();
    Invoke(TimedScript, Recipient);
    return clock.Elapsed.TotalSeconds;
}

(double Seconds, long[] Samples) Module(int count, int sampleEvery)
{
    var clock = Stopwatch.StartNew();
    Collection<PSObject> output = Invoke(ModuleScript, count, Recipient, sampleEvery);
    double seconds = clock.Elapsed.TotalSeconds;
    if ((int)output[0].BaseObject != count) throw new InvalidOperationException($"module sent {output[0]} of {count}");
    return (seconds, output.Skip(1).Select(o => (long)o.BaseObject).ToArray());
}

// Warm-up: JIT, TLS session set-up, module import.
Bare(50);
PerMessage(20);
Module(50, 50);

// Rounds in alternating order, best of each. Before each, Postfix delivers what the previous
// scenario left in its queue: otherwise its queue manager competes for the 2 cores with whichever
// scenario runs next.
void Drain()
{
    if (!server.WaitUntilQueueEmpty(TimeSpan.FromMinutes(2))) Console.WriteLine("(Postfix's queue did not empty within 2 minutes)");
}

const int Rounds = 5;
var bareRounds = new System.Collections.Generic.List<double>();
var moduleRounds = new System.Collections.Generic.List<double>();
Drain();
double perMessage = PerMessage(messages);
for (int round = 0; round < Rounds; round++)
{
    Drain();
    if (round % 2 == 0) bareRounds.Add(Bare(messages));
    else moduleRounds.Add(ModuleTimed(messages));
    Drain();
    if (round % 2 == 0) moduleRounds.Add(ModuleTimed(messages));
    else bareRounds.Add(Bare(messages));
}

Console.WriteLine($"rounds (s): bare {string.Join(" / ", bareRounds.Select(r => r.ToString("0.00")))}; module {string.Join(" / ", moduleRounds.Select(r => r.ToString("0.00")))}");
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
Console.WriteLine($"outbox database after {messages * 7 + streamed + 120} messages (history kept): {new FileInfo(outbox).Length / 1024} KiB (+ WAL {(File.Exists(outbox + "-wal") ? new FileInfo(outbox + "-wal").Length / 1024 : 0)} KiB)");

// One notification about a group whose members are role-based recipients: blind copies, split at
// the store's 100 recipients per transaction (Postfix's own limit is 1,000).
Collection<PSObject> group = Invoke(GroupScript, groupMembers);
Console.WriteLine($"group of {groupMembers} members: {(double)group[0].BaseObject:0.00} s, status {group[1]}, {group[2]} Bcc recipients in {group[3]} transactions");
Console.WriteLine($"peak working set: {Process.GetCurrentProcess().PeakWorkingSet64 / 1024 / 1024} MiB");
Directory.Delete(config, recursive: true);
return 0;

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

static string FindRoot()
{
    for (DirectoryInfo? dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "MessagingProvider.sln"))) return dir.FullName;
    }

    throw new InvalidOperationException("MessagingProvider.sln not found");
}

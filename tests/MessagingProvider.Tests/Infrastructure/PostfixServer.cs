using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>
/// A private Postfix on 127.0.0.1 (its own config_directory, queue and data directories in a temp
/// directory) with two submission listeners: STARTTLS and implicit TLS (SMTPS). Logins are checked
/// by the Dovecot auth service (SASL over TCP), and every accepted message is delivered over LMTP
/// into the Dovecot mailbox of its recipient, so a test can see it arrive. Needs root, as Postfix
/// itself does; CI runs test.sh as root.
/// </summary>
public sealed class PostfixServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new StringBuilder();

    public PostfixServer(DovecotServer dovecot)
    {
        Directory = Path.Combine(Path.GetTempPath(), "mp-postfix-" + Guid.NewGuid().ToString("N"));
        string conf = Path.Combine(Directory, "conf");
        string data = Path.Combine(Directory, "data");
        foreach (string dir in new[] { conf, data, Path.Combine(Directory, "spool") }) System.IO.Directory.CreateDirectory(dir);
        SubmissionPort = DovecotServer.FreeTcpPort();
        SmtpsPort = DovecotServer.FreeTcpPort();

        File.WriteAllText(Path.Combine(conf, "main.cf"), MainCf(dovecot));
        File.WriteAllText(Path.Combine(conf, "master.cf"), MasterCf());
        Run("/bin/chown", "postfix", data);
        Run("/usr/sbin/postfix", "-c", conf, "check");

        var start = new ProcessStartInfo("/usr/sbin/postfix") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-c", conf, "start-fg" }) start.ArgumentList.Add(a);
        _process = new Process { StartInfo = start };
        DataReceivedEventHandler onLine = (_, e) => { if (e.Data is not null) lock (_output) _output.AppendLine(e.Data); };
        _process.OutputDataReceived += onLine;
        _process.ErrorDataReceived += onLine;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        WaitUntilListening();
    }

    public string Directory { get; }
    public int SubmissionPort { get; }
    public int SmtpsPort { get; }

    public string Log
    {
        get
        {
            string file = Path.Combine(Directory, "postfix.log");
            lock (_output) return _output + (File.Exists(file) ? File.ReadAllText(file) : "");
        }
    }

    private string MainCf(DovecotServer dovecot) => $@"
compatibility_level = 3.6
queue_directory = {Directory}/spool
data_directory = {Directory}/data
mail_owner = postfix
setgid_group = postdrop
maillog_file_prefixes = {Path.GetTempPath().TrimEnd('/')}
maillog_file = {Directory}/postfix.log
myhostname = mp-test.localdomain
mydomain = localdomain
mydestination =
relay_domains =
local_recipient_maps =
alias_maps =
alias_database =
inet_interfaces = 127.0.0.1
inet_protocols = ipv4
mynetworks = 127.0.0.1/32
biff = no
smtpd_tls_cert_file = {dovecot.CertificatePath}
smtpd_tls_key_file = {dovecot.KeyPath}
smtpd_tls_security_level = may
smtpd_tls_auth_only = yes
smtpd_sasl_auth_enable = yes
smtpd_sasl_type = dovecot
smtpd_sasl_path = inet:127.0.0.1:{dovecot.AuthPort}
smtpd_relay_restrictions = permit_sasl_authenticated, reject
smtpd_recipient_restrictions = permit_sasl_authenticated, reject
default_transport = lmtp:inet:127.0.0.1:{dovecot.LmtpPort}
";

    // Only the services a submission-to-LMTP relay needs, none chrooted (the queue is private).
    private string MasterCf() => $@"
127.0.0.1:{SubmissionPort} inet n - n - - smtpd
127.0.0.1:{SmtpsPort} inet n - n - - smtpd
  -o smtpd_tls_wrappermode=yes
pickup unix n - n 60 1 pickup
cleanup unix n - n - 0 cleanup
qmgr unix n - n 300 1 qmgr
tlsmgr unix - - n 1000? 1 tlsmgr
rewrite unix - - n - - trivial-rewrite
bounce unix - - n - 0 bounce
defer unix - - n - 0 bounce
trace unix - - n - 0 bounce
verify unix - - n - 1 verify
flush unix n - n 1000? 0 flush
proxymap unix - - n - - proxymap
proxywrite unix - - n - 1 proxymap
smtp unix - - n - - smtp
relay unix - - n - - smtp
showq unix n - n - - showq
error unix - - n - - error
retry unix - - n - - error
discard unix - - n - - discard
lmtp unix - - n - - lmtp
anvil unix - - n - 1 anvil
scache unix - - n - 1 scache
postlog unix-dgram n - n - 1 postlogd
";

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                foreach (int port in new[] { SubmissionPort, SmtpsPort })
                {
                    using var probe = new TcpClient();
                    probe.Connect(IPAddress.Loopback, port);
                }

                return;
            }
            catch (SocketException)
            {
                Thread.Sleep(100);
            }
        }

        string log = Log;
        Dispose();
        throw new InvalidOperationException("Postfix did not start (test.sh installs postfix from tests/apt-packages.txt; Postfix needs root):\n" + log);
    }

    private static void Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        process.StandardOutput.ReadToEnd();
        process.StandardError.ReadToEnd();
        process.WaitForExit();
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

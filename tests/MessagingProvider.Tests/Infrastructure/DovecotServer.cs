using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using System.Threading;

namespace MessagingProvider.Tests.Infrastructure;

/// <summary>
/// A private Dovecot IMAP server on 127.0.0.1: its own config, base_dir and state_dir in a temp
/// directory, a passwd-file of test users, Maildirs seeded with read and unread messages, and a
/// self-signed certificate for localhost/127.0.0.1 that tests trust only by pinning its
/// thumbprint. Listens on a TLS port (IMAPS) and a plain port that offers STARTTLS, plus LMTP
/// (delivery from Postfix) and its auth service over TCP (SASL for Postfix).
/// </summary>
public sealed class DovecotServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new StringBuilder();

    /// <param name="users">login → password; each mailbox gets INBOX (2 unread, 1 read) and Sent.</param>
    public DovecotServer(IReadOnlyDictionary<string, string> users)
    {
        Directory = Path.Combine(Path.GetTempPath(), "mp-dovecot-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Directory);
        ImapsPort = FreeTcpPort();
        ImapPort = FreeTcpPort();
        LmtpPort = FreeTcpPort();
        AuthPort = FreeTcpPort();
        Thumbprint = WriteCertificate();

        var passwd = new StringBuilder();
        foreach (var user in users)
        {
            passwd.Append(user.Key).Append(":{PLAIN}").Append(user.Value).Append('\n');
            SeedMaildir(Path.Combine(Directory, "home", user.Key, "Maildir"));
        }

        File.WriteAllText(Path.Combine(Directory, "passwd"), passwd.ToString());
        (string internalUser, string loginUser, string uid) = Accounts();
        Run("/bin/chown", "-R", $"{uid}:{uid}", Path.Combine(Directory, "home"));
        File.WriteAllText(Path.Combine(Directory, "dovecot.conf"), Config(internalUser, loginUser, uid));

        var start = new ProcessStartInfo("/usr/sbin/dovecot") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (string a in new[] { "-F", "-c", Path.Combine(Directory, "dovecot.conf") }) start.ArgumentList.Add(a);
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
    public int ImapsPort { get; }
    public int ImapPort { get; }
    public int LmtpPort { get; }
    public int AuthPort { get; }

    public string CertificatePath => Path.Combine(Directory, "cert.pem");
    public string KeyPath => Path.Combine(Directory, "key.pem");

    /// <summary>Unread messages in a user's inbox, counted on disk (what LMTP delivered).</summary>
    public int NewMessageCount(string user)
    {
        string folder = Path.Combine(Directory, "home", user, "Maildir", "new");
        return System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder).Length : 0;
    }

    /// <summary>SHA-1 thumbprint of the server certificate, for -TrustedCertificateThumbprint.</summary>
    public string Thumbprint { get; }

    public string Log
    {
        get
        {
            string file = Path.Combine(Directory, "dovecot.log");
            lock (_output) return _output + (File.Exists(file) ? File.ReadAllText(file) : "");
        }
    }

    public static int FreeTcpPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    private string Config(string internalUser, string loginUser, string uid) => $@"
base_dir = {Directory}/run
state_dir = {Directory}/state
log_path = {Directory}/dovecot.log
instance_name = mp-test-{Path.GetFileName(Directory)}
protocols = imap lmtp
listen = 127.0.0.1
default_internal_user = {internalUser}
default_login_user = {loginUser}
first_valid_uid = 1
ssl = yes
ssl_cert = <{Directory}/cert.pem
ssl_key = <{Directory}/key.pem
disable_plaintext_auth = no
auth_mechanisms = plain login
# Fail wrong passwords at once: the tests try them on purpose, and time is not what they check.
auth_failure_delay = 0s
# Trusted logins skip the auth penalty that would slow every later test after a wrong password.
login_trusted_networks = 127.0.0.0/8
passdb {{
  driver = passwd-file
  args = {Directory}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={uid} home={Directory}/home/%u allow_all_users=yes
}}
mail_location = maildir:~/Maildir
service imap-login {{
  inet_listener imap {{
    port = {ImapPort}
  }}
  inet_listener imaps {{
    port = {ImapsPort}
    ssl = yes
  }}
}}
service lmtp {{
  inet_listener lmtp {{
    address = 127.0.0.1
    port = {LmtpPort}
  }}
}}
service auth {{
  inet_listener auth-inet {{
    address = 127.0.0.1
    port = {AuthPort}
  }}
}}
";

    /// <summary>As root Dovecot drops privileges to its own users and delivers as nobody; otherwise everything runs as the current user.</summary>
    private static (string InternalUser, string LoginUser, string Uid) Accounts()
    {
        string uid = Run("/usr/bin/id", "-u").Trim();
        if (uid == "0") return ("dovecot", "dovenull", "65534");
        string name = Run("/usr/bin/id", "-un").Trim();
        return (name, name, uid);
    }

    private string WriteCertificate()
    {
        using RSA rsa = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        using X509Certificate2 certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(7));
        File.WriteAllText(Path.Combine(Directory, "cert.pem"), certificate.ExportCertificatePem());
        File.WriteAllText(Path.Combine(Directory, "key.pem"), rsa.ExportPkcs8PrivateKeyPem());
        return certificate.Thumbprint;
    }

    private static void SeedMaildir(string maildir)
    {
        foreach (string folder in new[] { maildir, Path.Combine(maildir, ".Sent") })
        {
            foreach (string sub in new[] { "cur", "new", "tmp" }) System.IO.Directory.CreateDirectory(Path.Combine(folder, sub));
        }

        string Message(string subject) => $"From: sender@fabrikam.test\r\nTo: user@contoso.test\r\nSubject: {subject}\r\nMessage-ID: <{Guid.NewGuid():N}@fabrikam.test>\r\n\r\n{subject}\r\n";
        File.WriteAllText(Path.Combine(maildir, "new", "1000.unread1.mp"), Message("unread one"));
        File.WriteAllText(Path.Combine(maildir, "new", "1001.unread2.mp"), Message("unread two"));
        File.WriteAllText(Path.Combine(maildir, "cur", "1002.read.mp:2,S"), Message("already read"));
    }

    private void WaitUntilListening()
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (DateTime.UtcNow < deadline && !_process.HasExited)
        {
            try
            {
                using var client = new TcpClient();
                client.Connect(IPAddress.Loopback, ImapsPort);
                foreach (int port in new[] { ImapPort, LmtpPort, AuthPort })
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
        throw new InvalidOperationException("Dovecot did not start (test.sh installs dovecot-imapd from tests/apt-packages.txt):\n" + log);
    }

    private static string Run(string file, params string[] arguments)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, UseShellExecute = false };
        foreach (string a in arguments) start.ArgumentList.Add(a);
        using Process process = Process.Start(start)!;
        string output = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        return output;
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Output;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Mail.Tests;

[Collection(MailServerCollection.Name)]
public sealed class SmtpServerTesterTests
{
    private readonly MailServerFixture _server;

    public SmtpServerTesterTests(MailServerFixture server) => _server = server;

    private static Task<SmtpServerTestResult> RunAsync(SmtpEndpoint endpoint, List<string>? dialogue = null, params string[] to) =>
        new SmtpServerTester(endpoint, dialogue is null ? null : dialogue.Add, null, new OAuthTokenProvider())
            .RunAsync(to.Select(MailboxAddress.Parse).ToList(), null, CancellationToken.None);

    private static void AssertStages(SmtpServerTestResult result, params string[] expected) =>
        Assert.Equal(expected, result.Stages.Select(s => $"{s.Stage}:{s.Outcome}").ToArray());

    [Fact]
    public async Task StartTlsWithBasicAuthPassesEveryStageAndDeliversTheTestMessage()
    {
        var result = await RunAsync(Endpoints.Basic(_server), null, "alice@test.local");

        Assert.True(result.Succeeded, result.Reason);
        AssertStages(result, "Dns:Passed", "Tcp:Passed", "Tls:Passed", "Ehlo:Passed", "Auth:Passed", "Send:Passed");
        Assert.StartsWith("Tls", result.TlsProtocol);
        Assert.Contains("mail.test.local", result.CertificateSubject);
        Assert.Contains("PIPELINING", result.Capabilities);
        Assert.Contains("8BITMIME", result.Capabilities);
        Assert.Contains("SMTPUTF8", result.Capabilities);
        Assert.Contains("PLAIN", result.AuthMechanisms);
        Assert.Contains("XOAUTH2", result.AuthMechanisms);
        Assert.Contains("queued as", result.ServerReply);

        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("alice@test.local", "MessagingProvider test message"), m => m.MessageId == result.MessageId);
        Assert.Equal(MailServerFixture.SenderUser, delivered.From.Mailboxes.Single().Address);
        Assert.Equal("Test-SmtpServer", delivered.Headers["X-MessagingProvider-Test"]);
    }

    [Fact]
    public async Task ImplicitTlsPassesWithoutStartTls()
    {
        var result = await RunAsync(Endpoints.Basic(_server, _server.ImplicitTlsPort, SmtpSecurity.SslOnConnect));

        Assert.True(result.Succeeded, result.Reason);
        AssertStages(result, "Dns:Passed", "Tcp:Passed", "Tls:Passed", "Ehlo:Passed", "Auth:Passed", "Send:Skipped");
        Assert.DoesNotContain("STARTTLS", result.Capabilities);
    }

    [Fact]
    public async Task RefusedPortFailsAtTcp()
    {
        int closed = FreePort.Next();
        var result = await RunAsync(Endpoints.Basic(_server, closed));

        Assert.False(result.Succeeded);
        Assert.Equal("Tcp", result.FailedStage);
        Assert.Equal("SmtpConnectionRefused", result.ErrorId);
        Assert.Contains("refused", result.Reason, StringComparison.OrdinalIgnoreCase);
        AssertStages(result, "Dns:Passed", "Tcp:Failed", "Tls:Skipped", "Ehlo:Skipped", "Auth:Skipped", "Send:Skipped");
    }

    [Fact]
    public async Task UntrustedCertificateFailsAtTlsAndNamesTheWayOut()
    {
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.CertificateThumbprints = Array.Empty<string>();

        var result = await RunAsync(endpoint);

        Assert.Equal("Tls", result.FailedStage);
        Assert.Equal("SmtpCertificateInvalid", result.ErrorId);
        Assert.Contains("not trusted", result.Reason);
        Assert.Contains("-CertificateThumbprint " + _server.Certificate.Sha256Thumbprint, result.Reason);
        Assert.Contains("-SkipCertificateCheck", result.Reason);
        Assert.NotEmpty(result.CertificateErrors);
        Assert.Equal(_server.Certificate.Sha256Thumbprint, result.CertificateThumbprint);
    }

    [Fact]
    public async Task SkipCertificateCheckAcceptsTheUntrustedCertificateAndSaysSo()
    {
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.CertificateThumbprints = Array.Empty<string>();
        endpoint.SkipCertificateCheck = true;

        var result = await RunAsync(endpoint);

        Assert.True(result.Succeeded, result.Reason);
        Assert.True(result.CertificateCheckSkipped);
        Assert.Contains("-SkipCertificateCheck", result.Stages.Single(s => s.Stage == "Tls").Detail);
    }

    [Fact]
    public async Task NameMismatchIsReportedEvenForAPinnedCertificate()
    {
        SmtpEndpoint endpoint = Endpoints.Basic(_server);
        endpoint.Server = "localhost";

        var result = await RunAsync(endpoint);

        Assert.Equal("Tls", result.FailedStage);
        Assert.Contains("certificate name mismatch", result.Reason);
    }

    [Fact]
    public async Task StartTlsNotOfferedFailsAtTls()
    {
        var result = await RunAsync(Endpoints.Basic(_server, _server.PlainPort, SmtpSecurity.StartTls));

        Assert.Equal("Tls", result.FailedStage);
        Assert.Equal("SmtpStartTlsNotOffered", result.ErrorId);
        Assert.Contains("STARTTLS not offered", result.Reason);
    }

    [Fact]
    public async Task WrongPasswordFailsAtAuthWith535AndTheSecretNeverShowsInTheDialogue()
    {
        string wrong = "Wr0ng-" + Guid.NewGuid().ToString("N");
        var dialogue = new List<string>();

        var result = await RunAsync(Endpoints.Basic(_server, password: wrong), dialogue);

        Assert.Equal("Auth", result.FailedStage);
        Assert.Equal("SmtpAuthenticationFailed", result.ErrorId);
        Assert.Contains("535", result.Reason);
        Assert.Contains(dialogue, l => l.StartsWith("C: AUTH PLAIN ********", StringComparison.Ordinal));
        AssertNoSecret(dialogue, MailServerFixture.SenderUser, wrong);
    }

    [Fact]
    public async Task SuccessfulDialogueIsShownWithTheSecretRedacted()
    {
        var dialogue = new List<string>();

        var result = await RunAsync(Endpoints.Basic(_server), dialogue, "bob@test.local");

        Assert.True(result.Succeeded, result.Reason);
        Assert.Contains(dialogue, l => l.StartsWith("S: 235", StringComparison.Ordinal));
        Assert.Contains(dialogue, l => l.StartsWith("C: [message content,", StringComparison.Ordinal));
        AssertNoSecret(dialogue, MailServerFixture.SenderUser, _server.SenderPassword);
    }

    [Fact]
    public async Task RelayDeniedIsReportedAtSend()
    {
        var endpoint = new SmtpEndpoint
        {
            Server = _server.Host, Port = _server.PlainPort, From = "someone@example.org",
            Security = SmtpSecurity.None, Authentication = SmtpAuthentication.Anonymous,
        };

        var result = await RunAsync(endpoint, null, "outsider@example.org");

        Assert.Equal("Send", result.FailedStage);
        Assert.Equal("SmtpRecipientRejected", result.ErrorId);
        Assert.Contains("Relay access denied", result.Reason);
        Assert.Contains("Relay denied", result.Reason);
    }

    [Fact]
    public async Task ServerThatNeverGreetsTimesOutAtEhlo()
    {
        var silent = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        try
        {
            SmtpEndpoint endpoint = Endpoints.Basic(_server, ((IPEndPoint)silent.LocalEndpoint).Port, SmtpSecurity.None);
            endpoint.Timeout = TimeSpan.FromSeconds(1);

            var result = await RunAsync(endpoint);

            Assert.Equal("Ehlo", result.FailedStage);
            Assert.Contains("Timed out", result.Reason);
        }
        finally
        {
            silent.Stop();
        }
    }

    internal static void AssertNoSecret(IEnumerable<string> lines, string user, string secret)
    {
        string plain = Convert.ToBase64String(Encoding.UTF8.GetBytes("\0" + user + "\0" + secret));
        foreach (string line in lines)
        {
            Assert.DoesNotContain(secret, line);
            Assert.DoesNotContain(plain, line);
            Assert.DoesNotContain(Convert.ToBase64String(Encoding.UTF8.GetBytes(secret)), line);
        }
    }
}

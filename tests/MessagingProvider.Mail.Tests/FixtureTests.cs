using MailKit.Net.Smtp;
using MailKit.Security;
using MessagingProvider.TestSupport;
using MimeKit;

namespace MessagingProvider.Mail.Tests;

[Collection(MailServerCollection.Name)]
public sealed class FixtureTests
{
    private readonly MailServerFixture _server;

    public FixtureTests(MailServerFixture server) => _server = server;

    [Fact]
    public void PlainMailKitDeliversThroughStartTlsAndIsReadBackOverImap()
    {
        string marker = MailServerFixture.NewMarker();
        using var client = new SmtpClient { ServerCertificateValidationCallback = (_, cert, _, _) => _server.Certificate.Matches(cert) };
        client.Connect(_server.Host, _server.StartTlsPort, SecureSocketOptions.StartTls);
        client.Authenticate(MailServerFixture.SenderUser, _server.SenderPassword);
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(MailServerFixture.SenderUser));
        message.To.Add(MailboxAddress.Parse("alice@test.local"));
        message.Subject = "fixture " + marker;
        message.Body = new TextPart("plain") { Text = "hello" };
        client.Send(message);
        client.Disconnect(true);

        var delivered = _server.Mail.WaitFor("alice@test.local", marker);
        Assert.Single(delivered);
        Assert.Equal("fixture " + marker, delivered[0].Subject);
    }
}

using System.Collections.Generic;
using System.Text;
using MessagingProvider.Smtp;

namespace MessagingProvider.Core.Tests.Smtp;

public sealed class SmtpDialogueLogTests
{
    private static void Client(SmtpDialogueLog log, string text) { byte[] b = Encoding.ASCII.GetBytes(text); log.LogClient(b, 0, b.Length); }

    private static void Server(SmtpDialogueLog log, string text) { byte[] b = Encoding.ASCII.GetBytes(text); log.LogServer(b, 0, b.Length); }

    [Fact]
    public void AuthLoginExchangeIsRedactedEvenWhenSplitAcrossBuffers()
    {
        var lines = new List<string>();
        var log = new SmtpDialogueLog(lines.Add);

        Client(log, "AUTH LOGIN\r\n");
        Server(log, "334 VXNlcm5hbWU6\r\n");
        Client(log, "dXNlcg");
        Client(log, "==\r\n");
        Server(log, "334 UGFzc3dvcmQ6\r\n");
        Client(log, "c2VjcmV0\r\n");
        Server(log, "535 5.7.8 Error: authentication failed\r\n");
        Client(log, "QUIT\r\n");

        Assert.Equal(new[] { "C: AUTH LOGIN", "S: 334 VXNlcm5hbWU6", "C: ********", "S: 334 UGFzc3dvcmQ6", "C: ********", "S: 535 5.7.8 Error: authentication failed", "C: QUIT" }, lines);
        Assert.Equal("535 5.7.8 Error: authentication failed", log.LastReply);
        Assert.Equal("LOGIN", log.LastAuthMechanism);
    }

    [Fact]
    public void PipelinedMessageContentIsSummarisedNotEchoed()
    {
        var lines = new List<string>();
        var log = new SmtpDialogueLog(lines.Add);

        Client(log, "MAIL FROM:<a@b.c>\r\nRCPT TO:<d@e.f>\r\nDATA\r\n");
        Server(log, "250 2.1.0 Ok\r\n250 2.1.5 Ok\r\n354 End data with <CR><LF>.<CR><LF>\r\n");
        Client(log, "Subject: secret plans\r\n\r\nbody\r\n.\r\n");

        Assert.DoesNotContain(lines, l => l.Contains("secret plans"));
        Assert.Contains("C: [message content, 31 bytes]", lines);
    }
}

using System;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MailKit.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Smtp;
using MessagingProvider.TestSupport;
using MimeKit;
using Xunit;

namespace MessagingProvider.Mail.Tests;

/// <summary>
/// The reply after the end of DATA that never comes (the hang of issue 15), against the
/// fault-injecting server. Measured here: MailKit 4.18's own Timeout does end that wait on a
/// plain connection made from a socket (as <see cref="SmtpConnector"/> makes it), so the
/// reported hang came from elsewhere; the transport does not rely on it alone: its idle watchdog
/// closes any connection silent for the store's timeout, whatever MailKit is waiting in.
/// </summary>
public sealed class BoundedWaitTests
{
    private static MimeMessage Message(string subject)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("notify@contoso.test"));
        message.To.Add(MailboxAddress.Parse("ann@test.local"));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = "body" };
        return message;
    }

    [Fact]
    public async Task MailKitsOwnTimeoutEndsTheWaitForTheReplyOnAPlainConnection()
    {
        using var server = new FaultSmtpServer();
        server.HangAfterData("Hang");
        using var client = new SmtpClient { Timeout = 1000 };
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        socket.Connect(IPAddress.Loopback, server.Port);
        await client.ConnectAsync(socket, "127.0.0.1", server.Port, SecureSocketOptions.None);
        var clock = Stopwatch.StartNew();

        Exception? failure = await Record.ExceptionAsync(() => client.SendAsync(Message("Hang")));

        Assert.IsType<TimeoutException>(failure);
        Assert.InRange(clock.Elapsed.TotalSeconds, 0.9, 8);
    }

    [Fact]
    public async Task AReplyThatNeverComesCostsOneTimeoutAndTheMessageIsUncertain()
    {
        using var server = new FaultSmtpServer();
        server.HangAfterData("Hang");
        var endpoint = new SmtpEndpoint { Server = "127.0.0.1", Port = server.Port, From = "notify@contoso.test", Security = SmtpSecurity.None, Authentication = SmtpAuthentication.Anonymous, Timeout = TimeSpan.FromSeconds(2) };
        using var transport = new SmtpNotificationTransport(endpoint, NotificationDeliveryMethod.Smtp, "SMTP server", null);
        var clock = Stopwatch.StartNew();

        SendOutcome hung = await transport.SendAsync(Message("Hang"), new[] { "ann@test.local" }, CancellationToken.None);
        TimeSpan waited = clock.Elapsed;
        SendOutcome next = await transport.SendAsync(Message("Next"), new[] { "ann@test.local" }, CancellationToken.None);

        Assert.False(hung.Sent);
        Assert.True(hung.Transient);
        Assert.True(hung.Uncertain);
        Assert.Equal(ErrorIds.SmtpTimeout, hung.Failure!.ErrorId);
        Assert.InRange(waited.TotalSeconds, 1.9, 5);
        Assert.True(next.Sent);
        Assert.Equal(2, server.Connections);
        Assert.Single(server.For("ann@test.local"), m => m.Subject == "Next");
    }
}

using System;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MessagingProvider.Connections;
using MessagingProvider.Security;
using MimeKit;

namespace MessagingProvider.Smtp;

/// <summary>
/// One connected, authenticated SMTP session (all stages of <see cref="SmtpConnector"/> in a row).
/// Reusable by anything that sends or tests mail: notifications, mail-account checks.
/// </summary>
public sealed class SmtpConnection : IDisposable
{
    private readonly SmtpConnector _connector;

    private SmtpConnection(SmtpConnector connector) => _connector = connector;

    public EnvelopeSmtpClient Client => _connector.Client;

    public bool IsConnected => _connector.Client.IsConnected;

    public TlsObservation Tls => _connector.Tls;

    /// <summary>The last complete reply of the server.</summary>
    public string? LastReply => _connector.Dialogue.LastReply;

    /// <param name="watchdog">When given, it closes the connection after its timeout without a byte exchanged (greeting, EHLO, AUTH, and every later command through <see cref="SendAsync"/>).</param>
    public static async Task<SmtpConnection> OpenAsync(SmtpEndpoint endpoint, Action<string>? dialogue, Action<string>? verbose, CancellationToken cancellationToken, OAuthTokenProvider? tokens = null, IdleWatchdog? watchdog = null)
    {
        var connector = new SmtpConnector(endpoint, dialogue, verbose, tokens);
        try
        {
            var addresses = await connector.ResolveDnsAsync(cancellationToken).ConfigureAwait(false);
            await ConnectionThread.ComeBack(); // a name lookup resumes on the thread pool
            System.Net.Sockets.Socket socket = await connector.ConnectTcpAsync(addresses, cancellationToken).ConfigureAwait(false);
            if (watchdog is not null)
            {
                watchdog.Attach(socket);
                connector.Dialogue.Activity = watchdog.Touch;
            }

            using (watchdog?.Arm())
            {
                await connector.HandshakeAsync(socket, cancellationToken).ConfigureAwait(false);
                await connector.AuthenticateAsync(cancellationToken).ConfigureAwait(false);
            }

            return new SmtpConnection(connector);
        }
        catch
        {
            connector.Dispose();
            throw;
        }
    }

    /// <summary>Sends one message and returns the server's reply to the end of DATA (e.g. "2.0.0 Ok: queued as …").</summary>
    public Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken) => Client.SendAsync(message, cancellationToken);

    public void Dispose() => _connector.Dispose();
}

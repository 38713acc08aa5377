using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using MailKit.Net.Smtp;
using MessagingProvider.Errors;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Notifications;

/// <summary>
/// Sends many messages through ONE authenticated connection, opened on first use. A dropped
/// connection is re-established and the message sent again; a 4xx reply is retried with
/// exponential back-off; a 5xx reply fails that message at once. Connection failures (DNS, TLS,
/// AUTH…) are not per-message problems and propagate.
/// </summary>
public sealed class NotificationSender : IDisposable
{
    private readonly SmtpEndpoint _endpoint;
    private readonly Action<string>? _verbose;
    private readonly Action<string>? _dialogue;
    private SmtpConnection? _connection;

    public NotificationSender(SmtpEndpoint endpoint, Action<string>? verbose, Action<string>? dialogue = null)
    {
        _endpoint = endpoint;
        _verbose = verbose;
        _dialogue = dialogue;
    }

    public SmtpEndpoint Endpoint => _endpoint;

    public int MaxAttempts { get; set; } = 4;

    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>How many connections were opened (1 unless the server dropped one).</summary>
    public int ConnectionsOpened { get; private set; }

    public SendOutcome Send(MimeMessage message, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome();
        for (int attempt = 1; ; attempt++)
        {
            outcome.Attempts = attempt;
            SmtpConnection connection = Connection(cancellationToken);
            try
            {
                outcome.ServerReply = connection.Send(message, cancellationToken);
                outcome.Sent = true;
                return outcome;
            }
            catch (SmtpCommandException e)
            {
                SmtpStageException failure = SmtpReply.ToStageException(e, null, connection.IsConnected);
                outcome.ServerReply = failure.ServerReply;
                if (!SmtpReply.IsTransient(e) || attempt >= MaxAttempts)
                {
                    outcome.Failure = failure;
                    return outcome;
                }

                TimeSpan delay = TimeSpan.FromTicks(RetryDelay.Ticks << (attempt - 1));
                _verbose?.Invoke($"Temporary failure ({failure.ServerReply}); retrying in {delay.TotalSeconds:0.##} s (attempt {attempt + 1} of {MaxAttempts}).");
                if (cancellationToken.WaitHandle.WaitOne(delay)) cancellationToken.ThrowIfCancellationRequested();
                if (!connection.IsConnected) Drop();
            }
            catch (Exception e) when (IsConnectionLoss(e) && !cancellationToken.IsCancellationRequested)
            {
                Drop();
                if (attempt >= MaxAttempts)
                {
                    outcome.Failure = new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpConnectionLost, ErrorKind.ConnectionError,
                        $"The server dropped the connection {attempt} times while this message was sent ({e.Message}). Check the server's limits and logs.", null, e);
                    return outcome;
                }

                _verbose?.Invoke($"The connection was lost while sending ({e.Message}); reconnecting and sending again (attempt {attempt + 1} of {MaxAttempts}).");
            }
        }
    }

    private SmtpConnection Connection(CancellationToken cancellationToken)
    {
        if (_connection is { IsConnected: true }) return _connection;
        Drop();
        _connection = SmtpConnection.Open(_endpoint, _dialogue, _verbose, cancellationToken);
        ConnectionsOpened++;
        _verbose?.Invoke($"Connected to {_endpoint.Server}:{_endpoint.Port} (connection {ConnectionsOpened}).");
        return _connection;
    }

    private static bool IsConnectionLoss(Exception e) =>
        e is IOException || e is SmtpProtocolException || e is SocketException || e is MailKit.ServiceNotConnectedException;

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose() => Drop();
}

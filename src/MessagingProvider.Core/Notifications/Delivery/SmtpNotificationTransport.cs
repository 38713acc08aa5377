using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Smtp;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Notifications.Delivery;

/// <summary>
/// An SMTP server (the store's, or the Entra ID SMTP client's smart host) through one connection,
/// opened on first use and again after the server dropped it. Each call is one transaction to
/// the envelope it is given; an <see cref="IdleWatchdog"/> bounds every wait by the store's
/// timeout, the reply after the end of DATA included.
/// </summary>
public sealed class SmtpNotificationTransport : INotificationTransport
{
    private static readonly Regex QueuedAs = new Regex(@"queued as\s+([^\s;]+)", RegexOptions.IgnoreCase | RegexOptions.Compiled);
    private readonly SmtpEndpoint _endpoint;
    private readonly Action<string>? _verbose;
    private readonly IdleWatchdog _watchdog;
    private SmtpConnection? _connection;

    public SmtpNotificationTransport(SmtpEndpoint endpoint, NotificationDeliveryMethod method, string what, Action<string>? verbose)
    {
        _endpoint = endpoint;
        _verbose = verbose;
        _watchdog = new IdleWatchdog(endpoint.Timeout);
        Method = method;
        From = endpoint.From;
        Description = $"{what} {endpoint.Server}:{endpoint.Port}";
    }

    public NotificationDeliveryMethod Method { get; }

    public string From { get; }

    public string Description { get; }

    /// <summary>How many connections were opened (1 unless the server dropped one).</summary>
    public int ConnectionsOpened { get; private set; }

    public async Task<SendOutcome> SendAsync(MimeMessage message, IReadOnlyList<string> envelope, CancellationToken cancellationToken)
    {
        var outcome = new SendOutcome();
        SmtpConnection connection;
        try
        {
            connection = await ConnectionAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpStageException e) when (IsTransientConnectFailure(e) && !cancellationToken.IsCancellationRequested)
        {
            outcome.Transient = true;
            outcome.ConnectionFailed = true;
            outcome.Failure = e;
            outcome.ServerReply = e.ServerReply;
            outcome.Throttled = IsThrottling(e.ServerReply);
            return outcome;
        }

        var refused = new List<(string Address, SmtpStatusCode Code, string Reply)>();
        var progress = new DataProgress();
        connection.Client.CollectRefusedRecipients = refused;
        try
        {
            string reply;
            using (_watchdog.Arm())
            {
                reply = await connection.Client.SendAsync(FormatOptions.Default, message, message.From.Mailboxes.First(), envelope.Select(MailboxAddress.Parse), cancellationToken, progress).ConfigureAwait(false);
            }

            outcome.Sent = true;
            outcome.ServerReply = reply.StartsWith("250", StringComparison.Ordinal) ? reply : "250 " + reply;
            outcome.QueueId = QueuedAs.Match(reply) is { Success: true } m ? m.Groups[1].Value : null;
            foreach (var r in refused) outcome.Refused.Add(new RefusedRecipient(r.Address, r.Reply, (int)r.Code >= 400 && (int)r.Code < 500));
        }
        catch (SmtpCommandException) when (refused.Count > 0 && refused.Count >= envelope.Count)
        {
            // Every recipient refused: MailKit reset the transaction; the replies say whether to retry.
            foreach (var r in refused) outcome.Refused.Add(new RefusedRecipient(r.Address, r.Reply, (int)r.Code >= 400 && (int)r.Code < 500));
            var first = refused.First();
            var asException = new SmtpCommandException(SmtpErrorCode.RecipientNotAccepted, first.Code, MailboxAddress.Parse(first.Address), first.Reply.Substring(4));
            outcome.Failure = SmtpReply.ToStageException(asException, null, connection.IsConnected);
            outcome.ServerReply = first.Reply;
            outcome.Transient = refused.All(r => (int)r.Code >= 400 && (int)r.Code < 500);
            outcome.Throttled = refused.Any(r => IsThrottling(r.Reply));
        }
        catch (SmtpCommandException e) when (!cancellationToken.IsCancellationRequested)
        {
            SmtpStageException failure = SmtpReply.ToStageException(e, null, connection.IsConnected);
            outcome.Failure = failure;
            outcome.ServerReply = failure.ServerReply;
            outcome.Transient = SmtpReply.IsTransient(e);
            outcome.Throttled = IsThrottling(failure.ServerReply);
            if (!connection.IsConnected || (int)e.StatusCode == 421) Drop();
        }
        catch (MailKit.ServiceNotAuthenticatedException e) when (!cancellationToken.IsCancellationRequested)
        {
            SmtpStageException failure = SmtpReply.NotAuthenticated(e, _endpoint.Server);
            outcome.Failure = failure;
            outcome.ServerReply = failure.ServerReply;
        }
        catch (Exception e) when ((IsConnectionLoss(e) || _watchdog.Fired) && !cancellationToken.IsCancellationRequested)
        {
            bool timedOut = _watchdog.Fired || IsTimeout(e);
            Drop();
            outcome.Transient = true;
            outcome.Uncertain = progress.Complete;
            string when = progress.Complete ? "after the end of the message, before the server's reply: the server may have it" : "before the end of the message";
            outcome.Failure = timedOut
                ? new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpTimeout, ErrorKind.OperationTimeout,
                    $"No reply from {_endpoint.Server}:{_endpoint.Port} within {_endpoint.Timeout.TotalSeconds:0.#} s {when}.", _endpoint.Server, e)
                : new SmtpStageException(SmtpStage.Send, ErrorIds.SmtpConnectionLost, ErrorKind.ConnectionError,
                    $"The connection to {_endpoint.Server}:{_endpoint.Port} was lost {when} ({e.Message}).", _endpoint.Server, e);
            outcome.ServerReply = timedOut ? "(no reply: timed out)" : "(connection lost)";
        }
        finally
        {
            connection.Client.CollectRefusedRecipients = null;
        }

        return outcome;
    }

    /// <summary>Failures a later try can get past; anything else (535, certificate, no STARTTLS, unknown host) is the configuration's.</summary>
    private static bool IsTransientConnectFailure(SmtpStageException e) => e.ErrorId switch
    {
        ErrorIds.SmtpConnectionRefused or ErrorIds.SmtpTimeout => true,
        ErrorIds.SmtpGreetingFailed or ErrorIds.SmtpAuthenticationFailed or ErrorIds.SmtpTlsFailed => e.ServerReply is null ? e.ErrorId != ErrorIds.SmtpAuthenticationFailed : e.ServerReply.StartsWith("4", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>421 4.7.x or 451 4.7.500-style replies: the server limits the rate, the message is fine.</summary>
    public static bool IsThrottling(string? reply) =>
        reply is not null && reply.Length > 8 && reply[0] == '4' && reply.Substring(3).TrimStart().StartsWith("4.7.", StringComparison.Ordinal);

    private async Task<SmtpConnection> ConnectionAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsConnected: true }) return _connection;
        Drop();
        _connection = await SmtpConnection.OpenAsync(_endpoint, null, _verbose, cancellationToken, null, _watchdog).ConfigureAwait(false);
        ConnectionsOpened++;
        _verbose?.Invoke($"Connected to {_endpoint.Server}:{_endpoint.Port} (connection {ConnectionsOpened}).");
        return _connection;
    }

    /// <summary>MailKit's own read timeout (the same bound as the watchdog's; whichever ends the wait first).</summary>
    private static bool IsTimeout(Exception e)
    {
        for (Exception? x = e; x is not null; x = x.InnerException)
        {
            if (x is TimeoutException || (x is SocketException s && s.SocketErrorCode == SocketError.TimedOut)) return true;
        }

        return false;
    }

    private static bool IsConnectionLoss(Exception e) =>
        e is IOException || e is TimeoutException || e is SmtpProtocolException || e is SocketException || e is ServiceNotConnectedException || e is ObjectDisposedException;

    private void Drop()
    {
        _connection?.Dispose();
        _connection = null;
    }

    public void Dispose()
    {
        Drop();
        _watchdog.Dispose();
    }

    /// <summary>Whether the whole message went out: a connection lost after that may have delivered it.</summary>
    private sealed class DataProgress : ITransferProgress
    {
        public bool Complete { get; private set; }

        public void Report(long bytesTransferred, long totalSize) => Complete = totalSize > 0 && bytesTransferred >= totalSize;

        public void Report(long bytesTransferred) => Complete = bytesTransferred > 0;
    }
}

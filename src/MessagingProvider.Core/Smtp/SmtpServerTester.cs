using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit.Net.Smtp;
using MessagingProvider.Output;
using MessagingProvider.Security;
using MimeKit;

namespace MessagingProvider.Smtp;

/// <summary>
/// Test-SmtpServer's engine: runs DNS → TCP → TLS → EHLO → AUTH → (with recipients) a real test
/// message, times each stage and stops at the first failure with the reason.
/// </summary>
public sealed class SmtpServerTester
{
    private readonly SmtpEndpoint _endpoint;
    private readonly Action<string>? _dialogue;
    private readonly Action<string>? _verbose;
    private readonly OAuthTokenProvider? _tokens;

    public SmtpServerTester(SmtpEndpoint endpoint, Action<string>? dialogue, Action<string>? verbose, OAuthTokenProvider? tokens = null)
    {
        _endpoint = endpoint;
        _dialogue = dialogue;
        _verbose = verbose;
        _tokens = tokens;
    }

    /// <summary>The command named in the test message (header X-MessagingProvider-Test and body).</summary>
    public string SentBy { get; set; } = "Test-SmtpServer";

    public async Task<SmtpServerTestResult> RunAsync(IReadOnlyList<MailboxAddress> to, string? identityStore, CancellationToken cancellationToken)
    {
        var result = new SmtpServerTestResult
        {
            IdentityStore = identityStore,
            Server = _endpoint.Server,
            Port = _endpoint.Port,
            Security = _endpoint.Security.ToString(),
            Authentication = _endpoint.Authentication.ToString(),
            TestRecipients = to.Select(a => a.Address).ToArray(),
        };
        using var connector = new SmtpConnector(_endpoint, _dialogue, _verbose, _tokens);
        try
        {
            IReadOnlyList<IPAddress> addresses = await StageAsync(result, SmtpStage.Dns, () => connector.ResolveDnsAsync(cancellationToken), a => string.Join(", ", a)).ConfigureAwait(false);
            result.Addresses = addresses.Select(a => a.ToString()).ToArray();
            Socket socket = await StageAsync(result, SmtpStage.Tcp, () => connector.ConnectTcpAsync(addresses, cancellationToken), s => $"connected to {s.RemoteEndPoint}").ConfigureAwait(false);
            await HandshakeAsync(result, connector, socket, cancellationToken).ConfigureAwait(false);
            if (_endpoint.Authentication == SmtpAuthentication.Anonymous)
            {
                Skip(result, SmtpStage.Auth, "-Authentication Anonymous");
            }
            else
            {
                await StageAsync(result, SmtpStage.Auth, async () => { await connector.AuthenticateAsync(cancellationToken).ConfigureAwait(false); return true; }, _ => $"authenticated as {(_endpoint.Authentication == SmtpAuthentication.OAuth2 ? _endpoint.OAuthUser : _endpoint.Credential?.UserName ?? "the current user")}").ConfigureAwait(false);
                result.AuthMechanism = connector.Client.AuthenticationMechanisms.Count > 0 ? AuthMechanismUsed(connector) : null;
            }

            if (to.Count == 0)
            {
                Skip(result, SmtpStage.Send, "no -To given");
            }
            else
            {
                MimeMessage message = TestMessage(to, identityStore);
                result.MessageId = message.MessageId;
                result.ServerReply = await StageAsync(result, SmtpStage.Send, () => SendTestAsync(connector, message, cancellationToken), reply => reply).ConfigureAwait(false);
            }

            result.Succeeded = true;
        }
        catch (SmtpStageException e)
        {
            result.Succeeded = false;
            result.FailedStage = e.Stage.ToString();
            result.Reason = e.Message;
            result.ErrorId = e.ErrorId;
            if (e.Stage == SmtpStage.Send) result.ServerReply = e.ServerReply;
            foreach (SmtpStage later in Enum.GetValues(typeof(SmtpStage)).Cast<SmtpStage>().Where(s => s > e.Stage)) Skip(result, later, $"{e.Stage} failed");
        }

        return result;
    }

    private async Task HandshakeAsync(SmtpServerTestResult result, SmtpConnector connector, Socket socket, CancellationToken cancellationToken)
    {
        var clock = Stopwatch.StartNew();
        SmtpStageException? failure = null;
        try
        {
            await connector.HandshakeAsync(socket, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpStageException e)
        {
            failure = e;
        }

        clock.Stop();
        long tlsMs = (long)(connector.TlsDuration?.TotalMilliseconds ?? 0);
        SmtpClient client = connector.Client;
        FillTls(result, connector);
        bool tlsWanted = _endpoint.Security != SmtpSecurity.None;
        if (failure?.Stage == SmtpStage.Tls)
        {
            Add(result, SmtpStage.Tls, SmtpStageOutcome.Failed, clock.ElapsedMilliseconds, failure.Message);
            throw failure;
        }

        if (!tlsWanted || (!client.IsSecure && failure is null))
        {
            Skip(result, SmtpStage.Tls, tlsWanted ? "the server offers no STARTTLS (-Security Auto, anonymous relay): the session is NOT encrypted" : "-Security None");
        }
        else if (failure is null)
        {
            Add(result, SmtpStage.Tls, SmtpStageOutcome.Passed, tlsMs, TlsSummary(result));
        }

        if (failure is not null)
        {
            Add(result, SmtpStage.Ehlo, SmtpStageOutcome.Failed, clock.ElapsedMilliseconds - tlsMs, failure.Message);
            throw failure;
        }

        result.Capabilities = Capabilities(client).ToArray();
        result.AuthMechanisms = client.AuthenticationMechanisms.OrderBy(m => m, StringComparer.Ordinal).ToArray();
        result.MaxMessageSize = client.MaxSize > 0 ? client.MaxSize : null;
        Add(result, SmtpStage.Ehlo, SmtpStageOutcome.Passed, Math.Max(0, clock.ElapsedMilliseconds - tlsMs),
            $"{string.Join(" ", result.Capabilities)}{(result.AuthMechanisms.Length > 0 ? "; AUTH " + string.Join(" ", result.AuthMechanisms) : "; no AUTH offered")}");
    }

    private static string AuthMechanismUsed(SmtpConnector connector)
    {
        // MailKit does not expose the mechanism it settled on; the dialogue does.
        return connector.Dialogue.LastAuthMechanism ?? "";
    }

    private static void FillTls(SmtpServerTestResult result, SmtpConnector connector)
    {
        SmtpClient client = connector.Client;
        TlsObservation tls = connector.Tls;
        if (client.IsSecure)
        {
            result.TlsProtocol = client.SslProtocol.ToString();
#if NET
            result.CipherSuite = client.SslCipherSuite?.ToString();
#else
            result.CipherSuite = client.SslCipherAlgorithm?.ToString();
#endif
        }

        result.CertificateSubject = tls.Subject;
        result.CertificateIssuer = tls.Issuer;
        result.CertificateExpires = tls.NotAfter;
        result.CertificateThumbprint = tls.Sha256Thumbprint;
        result.CertificateErrors = tls.Errors.ToArray();
        result.CertificateCheckSkipped = tls.AcceptedBySkip;
    }

    private static string TlsSummary(SmtpServerTestResult r) =>
        $"{r.TlsProtocol} {r.CipherSuite}; certificate {r.CertificateSubject} issued by {r.CertificateIssuer}, expires {r.CertificateExpires:yyyy-MM-dd}"
        + (r.CertificateErrors.Length == 0 ? "" : $"; NOT VALID ({string.Join(", ", r.CertificateErrors)}){(r.CertificateCheckSkipped ? ", accepted because of -SkipCertificateCheck" : ", accepted: pinned thumbprint")}");

    private static IEnumerable<string> Capabilities(SmtpClient client)
    {
        SmtpCapabilities c = client.Capabilities;
        if (c.HasFlag(SmtpCapabilities.Size)) yield return client.MaxSize > 0 ? $"SIZE {client.MaxSize}" : "SIZE";
        if (c.HasFlag(SmtpCapabilities.Pipelining)) yield return "PIPELINING";
        if (c.HasFlag(SmtpCapabilities.EightBitMime)) yield return "8BITMIME";
        if (c.HasFlag(SmtpCapabilities.UTF8)) yield return "SMTPUTF8";
        if (c.HasFlag(SmtpCapabilities.StartTLS)) yield return "STARTTLS";
        if (c.HasFlag(SmtpCapabilities.Chunking)) yield return "CHUNKING";
        if (c.HasFlag(SmtpCapabilities.BinaryMime)) yield return "BINARYMIME";
        if (c.HasFlag(SmtpCapabilities.EnhancedStatusCodes)) yield return "ENHANCEDSTATUSCODES";
        if (c.HasFlag(SmtpCapabilities.Dsn)) yield return "DSN";
        if (c.HasFlag(SmtpCapabilities.Authentication)) yield return "AUTH";
    }

    private MimeMessage TestMessage(IReadOnlyList<MailboxAddress> to, string? identityStore)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(_endpoint.From));
        message.To.AddRange(to);
        message.Subject = $"MessagingProvider test message{(identityStore is null ? "" : " for " + identityStore)}";
        message.MessageId = MimeKit.Utils.MimeUtils.GenerateMessageId();
        message.Headers.Add("X-MessagingProvider-Test", SentBy);
        message.Body = new TextPart("plain")
        {
            Text = $"This is a test message sent by {SentBy} through {_endpoint.Server}:{_endpoint.Port} ({_endpoint.Security}, {_endpoint.Authentication}) on {DateTimeOffset.Now:u}.\r\nIf you received it, notifications can be sent with these settings.",
        };
        return message;
    }

    private static async Task<string> SendTestAsync(SmtpConnector connector, MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            return await connector.Client.SendAsync(message, cancellationToken).ConfigureAwait(false);
        }
        catch (SmtpCommandException e)
        {
            throw SmtpReply.ToStageException(e, connector.Dialogue.LastReply, connector.Client.IsConnected);
        }
        catch (MailKit.ServiceNotAuthenticatedException e)
        {
            throw SmtpReply.NotAuthenticated(e, message.From.ToString());
        }
        catch (Exception e) when (e is System.IO.IOException || e is TimeoutException || e is SmtpProtocolException)
        {
            throw new SmtpStageException(SmtpStage.Send, Errors.ErrorIds.SmtpConnectionLost, Errors.ErrorKind.ConnectionError,
                $"The server dropped the connection while the test message was sent: {e.Message}", null, e, connector.Dialogue.LastReply);
        }
    }

    private static async Task<T> StageAsync<T>(SmtpServerTestResult result, SmtpStage stage, Func<Task<T>> run, Func<T, string> describe)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            T value = await run().ConfigureAwait(false);
            Add(result, stage, SmtpStageOutcome.Passed, clock.ElapsedMilliseconds, describe(value));
            return value;
        }
        catch (SmtpStageException e)
        {
            Add(result, stage, SmtpStageOutcome.Failed, clock.ElapsedMilliseconds, e.Message);
            throw;
        }
    }

    private static void Skip(SmtpServerTestResult result, SmtpStage stage, string why)
    {
        if (result.Stages.Any(s => s.Stage == stage.ToString())) return;
        Add(result, stage, SmtpStageOutcome.Skipped, 0, why);
    }

    private static void Add(SmtpServerTestResult result, SmtpStage stage, SmtpStageOutcome outcome, long ms, string? detail) =>
        result.Stages.Add(new SmtpTestStageResult { Stage = stage.ToString(), Outcome = outcome, Milliseconds = ms, Detail = detail });
}

using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Connections;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Security;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Connects a MailKit client (IMAP or SMTP) for Test-MailAccount through the shared
/// <see cref="ConnectionStages"/> (DNS, TCP, then TLS plus the server greeting), recording each stage.
/// </summary>
public sealed class MailConnector
{
    private readonly ServerCertificatePolicy _certificates;
    private readonly TimeSpan _timeout;
    private readonly CancellationToken _cancellation;

    public MailConnector(ServerCertificatePolicy certificates, TimeSpan timeout, CancellationToken cancellation)
    {
        _certificates = certificates;
        _timeout = timeout;
        _cancellation = cancellation;
    }

    /// <returns>True when the client is connected and greeted (and secured, unless TlsMode is None).</returns>
    public async Task<bool> ConnectAsync(MailService client, MailEndpoint endpoint, MailStageRecorder recorder)
    {
        client.Timeout = (int)_timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = _certificates.Validate;

        IReadOnlyList<IPAddress> addresses = Array.Empty<IPAddress>();
        await recorder.RunAsync(endpoint.Protocol, MailTestStage.Dns, async () =>
        {
            addresses = await ConnectionStages.ResolveDnsAsync(endpoint.Host, _timeout, _cancellation).ConfigureAwait(false);
            return IPAddress.TryParse(endpoint.Host, out _)
                ? $"{endpoint.Host} is an IP address; no lookup needed"
                : $"{endpoint.Host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}";
        }, e => (e is TimeoutException ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError, $"{endpoint.Host} does not resolve: {e.Message}")).ConfigureAwait(false);

        Socket? socket = null;
        await recorder.RunAsync(endpoint.Protocol, MailTestStage.Tcp, async () =>
        {
            socket = await ConnectionStages.ConnectTcpAsync(addresses, endpoint.Port, _timeout, _cancellation).ConfigureAwait(false);
            return $"connected to {socket.RemoteEndPoint}";
        }, e => (e is TcpConnectException { TimedOut: true, Last: null } ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError, e.Message)).ConfigureAwait(false);

        bool connected = await recorder.RunAsync(endpoint.Protocol, MailTestStage.Tls, async () =>
        {
            await ConnectionStages.SecureAndGreetAsync(client, socket!, endpoint.Host, endpoint.Port, Options(endpoint.Tls), _cancellation).ConfigureAwait(false);
            return client.IsSecure
                ? $"{client.SslProtocol} with {endpoint.Tls}; certificate {_certificates.Certificate}"
                : "greeting received";
        }, e => ExplainTls(e, endpoint)).ConfigureAwait(false);

        if (connected && endpoint.Tls == MailTlsMode.None)
        {
            recorder.MarkLastSkipped("TlsMode None: the connection is not encrypted (server greeting received)");
        }

        return connected;
    }

    private (ErrorKind, string) ExplainTls(Exception e, MailEndpoint endpoint) => e switch
    {
        SslHandshakeException when _certificates.Rejection is not null => (ErrorKind.SecurityError, "TLS failed: " + _certificates.Rejection),
        SslHandshakeException => (ErrorKind.SecurityError, $"TLS failed with {endpoint}: {FirstLine(e.Message)} Check the TLS mode and port (Tls: 993/465, StartTls: 143/587)."),
        NotSupportedException => (ErrorKind.SecurityError, $"The server does not offer STARTTLS on {endpoint}: {e.Message}"),
        IOException or ProtocolException or TimeoutException => (ErrorKind.ConnectionError, $"No valid {endpoint.Protocol} greeting from {endpoint}: {FirstLine(e.Message)} Check the port and TLS mode."),
        _ => (ErrorKind.ConnectionError, $"Connecting to {endpoint} failed: {FirstLine(e.Message)}"),
    };

    internal static string FirstLine(string message)
    {
        int end = message.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? message : message.Substring(0, end);
    }

    private static SecureSocketOptions Options(MailTlsMode tls) => tls switch
    {
        MailTlsMode.Tls => SecureSocketOptions.SslOnConnect,
        MailTlsMode.StartTls => SecureSocketOptions.StartTls,
        _ => SecureSocketOptions.None,
    };
}

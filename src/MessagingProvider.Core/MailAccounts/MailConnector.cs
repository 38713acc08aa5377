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
using MessagingProvider.Errors;
using MessagingProvider.Output;

namespace MessagingProvider.MailAccounts;

/// <summary>
/// Connects a MailKit client (IMAP or SMTP) in three observable stages: DNS, TCP, then TLS plus
/// the server greeting. Kept apart from the account test so the SMTP server test can share it.
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
    public bool Connect(MailService client, MailEndpoint endpoint, MailStageRecorder recorder)
    {
        client.Timeout = (int)_timeout.TotalMilliseconds;
        client.ServerCertificateValidationCallback = _certificates.Validate;

        IPAddress[] addresses = Array.Empty<IPAddress>();
        recorder.Run(endpoint.Protocol, MailTestStage.Dns, () =>
        {
            if (IPAddress.TryParse(endpoint.Host, out IPAddress? literal))
            {
                addresses = new[] { literal };
                return $"{endpoint.Host} is an IP address; no lookup needed";
            }

            Task<IPAddress[]> lookup = Dns.GetHostAddressesAsync(endpoint.Host);
            if (!lookup.Wait((int)_timeout.TotalMilliseconds, _cancellation)) throw new TimeoutException($"no DNS answer within {_timeout.TotalSeconds:0} s");
            addresses = lookup.Result;
            if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
            return $"{endpoint.Host} resolves to {string.Join(", ", addresses.Select(a => a.ToString()))}";
        }, e => (e is TimeoutException ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError,
                 $"{endpoint.Host} does not resolve: {(e is AggregateException a ? a.InnerException?.Message : e.Message)}"));

        Socket? socket = null;
        recorder.Run(endpoint.Protocol, MailTestStage.Tcp, () =>
        {
            socket = ConnectTcp(addresses, endpoint.Port, out string detail);
            return detail;
        }, e => (e is TimeoutException ? ErrorKind.OperationTimeout : ErrorKind.ConnectionError, e.Message));

        bool connected = false;
        try
        {
            connected = recorder.Run(endpoint.Protocol, MailTestStage.Tls, () =>
            {
                // The async call is the one whose TLS handshake honours the token (Ctrl+C).
                client.ConnectAsync(socket!, endpoint.Host, endpoint.Port, Options(endpoint.Tls), _cancellation).GetAwaiter().GetResult();
                return client.IsSecure
                    ? $"{client.SslProtocol} with {endpoint.Tls}; certificate {_certificates.Certificate}"
                    : "greeting received";
            }, e => ExplainTls(e, endpoint));
        }
        finally
        {
            // Once connected the client owns the socket; otherwise (failure or stop) it is ours to close.
            if (!connected) socket?.Dispose();
        }

        if (connected && endpoint.Tls == MailTlsMode.None)
        {
            recorder.MarkLastSkipped("TlsMode None: the connection is not encrypted (server greeting received)");
        }

        return connected;
    }

    private Socket ConnectTcp(IReadOnlyList<IPAddress> addresses, int port, out string detail)
    {
        var failures = new List<string>();
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                Task connect = socket.ConnectAsync(new IPEndPoint(address, port));
                if (!connect.Wait((int)_timeout.TotalMilliseconds, _cancellation)) throw new TimeoutException($"{address}:{port} did not accept the connection within {_timeout.TotalSeconds:0} s");
                detail = $"connected to {address}:{port}";
                return socket;
            }
            catch (Exception e) when (e is TimeoutException || e is AggregateException || e is SocketException)
            {
                socket.Dispose();
                failures.Add(e is AggregateException a ? $"{address}:{port}: {a.InnerException?.Message}" : e.Message);
                if (addresses.Count == 1 && e is TimeoutException) throw;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new IOException("No address accepted a TCP connection: " + string.Join("; ", failures) + ". Check the host, the port and any firewall.");
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

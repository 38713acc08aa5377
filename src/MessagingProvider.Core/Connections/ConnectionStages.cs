using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Security;

namespace MessagingProvider.Connections;

/// <summary>
/// The stages every mail protocol client (SMTP, IMAP) goes through to reach a server: DNS, TCP,
/// then TLS and the greeting (MailKit over the connected socket). Each stage honours the timeout
/// and the stop token and throws what went wrong; callers turn that into their own report.
/// </summary>
public static class ConnectionStages
{
    /// <summary>The host's addresses, IPv4 first; an IP literal without a lookup.</summary>
    /// <exception cref="SocketException">The name does not resolve.</exception>
    /// <exception cref="TimeoutException">No answer within <paramref name="timeout"/>.</exception>
    public static IReadOnlyList<IPAddress> ResolveDns(string host, TimeSpan timeout, CancellationToken cancellation)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal)) return new[] { literal };
        Task<IPAddress[]> lookup = Dns.GetHostAddressesAsync(host);
        IPAddress[] addresses;
        try
        {
            if (!lookup.Wait(Milliseconds(timeout), cancellation)) throw new TimeoutException($"no DNS answer for {host} within {timeout.TotalSeconds:0.#} s");
            addresses = lookup.Result;
        }
        catch (AggregateException e) when (e.InnerException is not null)
        {
            ExceptionDispatchInfo.Capture(e.InnerException).Throw();
            throw;
        }

        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        return addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).ToList();
    }

    /// <summary>A socket connected to the first address that accepts.</summary>
    /// <exception cref="TcpConnectException">No address accepted.</exception>
    public static Socket ConnectTcp(IReadOnlyList<IPAddress> addresses, int port, TimeSpan timeout, CancellationToken cancellation)
    {
        var failures = new List<string>();
        SocketException? last = null;
        bool timedOut = false;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                Task connect = socket.ConnectAsync(new IPEndPoint(address, port));
                if (connect.Wait(Milliseconds(timeout), cancellation)) return socket;
                timedOut = true;
                failures.Add($"{address}:{port} did not accept the connection within {timeout.TotalSeconds:0.#} s");
                socket.Dispose();
            }
            catch (AggregateException e) when (e.InnerException is SocketException s)
            {
                last = s;
                failures.Add($"{address}:{port}: {s.Message}");
                socket.Dispose();
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new TcpConnectException(failures, last, timedOut);
    }

    /// <summary>
    /// TLS (as <paramref name="options"/> say) and the server greeting over <paramref name="socket"/>,
    /// which the client owns once connected; on failure or stop the socket is closed here.
    /// </summary>
    /// <exception cref="OperationCanceledException">Stopped while connecting.</exception>
    public static void SecureAndGreet(MailService client, Socket socket, string host, int port, SecureSocketOptions options, CancellationToken cancellation)
    {
        // The synchronous call keeps MailKit's callbacks (protocol log, certificate check) on the
        // caller's thread, where PowerShell accepts verbose output. A TLS handshake does not watch the
        // token, so a stop closes the socket, which ends even a handshake the server never answers.
        using (cancellation.Register(() => socket.Dispose()))
        {
            try
            {
                client.Connect(socket, host, port, options, cancellation);
            }
            catch (Exception e) when (cancellation.IsCancellationRequested)
            {
                socket.Dispose();
                throw new OperationCanceledException("Stopped while connecting to " + host + ".", e, cancellation);
            }
            catch
            {
                if (!client.IsConnected) socket.Dispose();
                throw;
            }
        }
    }

    private static int Milliseconds(TimeSpan timeout) => (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
}

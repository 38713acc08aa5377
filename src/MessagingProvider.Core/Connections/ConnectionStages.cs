using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
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
    public static async Task<IReadOnlyList<IPAddress>> ResolveDnsAsync(string host, TimeSpan timeout, CancellationToken cancellation)
    {
        if (IPAddress.TryParse(host, out IPAddress? literal)) return new[] { literal };
        // The lookup itself takes no token or timeout: the wait on it is bounded instead.
        Task<IPAddress[]> lookup = Dns.GetHostAddressesAsync(host);
        if (!await Within(lookup, timeout, cancellation).ConfigureAwait(false))
        {
            _ = lookup.ContinueWith(t => t.Exception, TaskScheduler.Default); // observed: a late failure is nobody's
            throw new TimeoutException($"no DNS answer for {host} within {timeout.TotalSeconds:0.#} s");
        }

        IPAddress[] addresses = await lookup.ConfigureAwait(false);
        if (addresses.Length == 0) throw new SocketException((int)SocketError.HostNotFound);
        return addresses.OrderBy(a => a.AddressFamily == AddressFamily.InterNetwork ? 0 : 1).ToList();
    }

    /// <summary>A socket connected to the first address that accepts.</summary>
    /// <exception cref="TcpConnectException">No address accepted.</exception>
    public static async Task<Socket> ConnectTcpAsync(IReadOnlyList<IPAddress> addresses, int port, TimeSpan timeout, CancellationToken cancellation)
    {
        var failures = new List<string>();
        SocketException? last = null;
        bool timedOut = false;
        foreach (IPAddress address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
#if NET
                if (ConnectionThread.IsCurrent)
                {
                    if (ConnectPolled(socket, new IPEndPoint(address, port), timeout, cancellation)) return socket;
                }
                else
#endif
                {
                    Task connect = socket.ConnectAsync(new IPEndPoint(address, port));
                    if (await Within(connect, timeout, cancellation).ConfigureAwait(false))
                    {
                        await connect.ConfigureAwait(false);
                        return socket;
                    }

                    _ = connect.ContinueWith(t => t.Exception, TaskScheduler.Default);
                }

                timedOut = true;
                failures.Add($"{address}:{port} did not accept the connection within {timeout.TotalSeconds:0.#} s");
                socket.Dispose();
            }
            catch (SocketException s)
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
    public static async Task SecureAndGreetAsync(MailService client, Socket socket, string host, int port, SecureSocketOptions options, CancellationToken cancellation)
    {
        // A TLS handshake does not watch the token, so a stop closes the socket, which ends even a
        // handshake the server never answers. MailKit's Timeout bounds each read and write.
        using (cancellation.Register(() => socket.Dispose()))
        {
            try
            {
#if NET
                if (client is MailKit.Net.Smtp.SmtpClient) await client.ConnectAsync(new PolledSocketStream(socket), host, port, options, cancellation).ConfigureAwait(false);
                else
#endif
                await client.ConnectAsync(socket, host, port, options, cancellation).ConfigureAwait(false);
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

#if NET
    /// <summary>
    /// On a <see cref="ConnectionThread"/>: connects without an async operation, so the socket is
    /// never registered with the runtime's event loop (which would hand every later reply to the
    /// thread pool although <see cref="PolledSocketStream"/> reads it here). Non-blocking connect,
    /// then poll() in slices until it completes, the timeout passes or the token is cancelled (a
    /// refused connect shows as writable with SO_ERROR on Linux, in the error set on Windows).
    /// Windows PowerShell connects as before: MailKit's own stream uses the socket asynchronously.
    /// </summary>
    /// <exception cref="SocketException">Refused or unreachable.</exception>
    private static bool ConnectPolled(Socket socket, EndPoint endPoint, TimeSpan timeout, CancellationToken cancellation)
    {
        socket.Blocking = false;
        try
        {
            socket.Connect(endPoint);
            return true;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.WouldBlock || e.SocketErrorCode == SocketError.InProgress)
        {
            var clock = System.Diagnostics.Stopwatch.StartNew();
            while (!socket.Poll(200_000, SelectMode.SelectWrite) && !socket.Poll(0, SelectMode.SelectError))
            {
                cancellation.ThrowIfCancellationRequested();
                if (clock.Elapsed >= timeout) return false;
            }

            int error = (int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
            if (error != 0) throw new SocketException(error);
            return true;
        }
        finally
        {
            socket.Blocking = true;
        }
    }
#endif

    /// <summary>True when <paramref name="work"/> ended within <paramref name="timeout"/>; throws on stop.</summary>
    private static async Task<bool> Within(Task work, TimeSpan timeout, CancellationToken cancellation)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        Task delay = Task.Delay(Milliseconds(timeout), timer.Token);
        Task first = await Task.WhenAny(work, delay).ConfigureAwait(false);
        timer.Cancel();
        if (first == work) return true;
        cancellation.ThrowIfCancellationRequested();
        return false;
    }

    private static int Milliseconds(TimeSpan timeout) => (int)Math.Min(int.MaxValue, timeout.TotalMilliseconds);
}

using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A TCP listener on 127.0.0.1 that stands in for a server's ports: it either answers every HTTP
/// request the way IIS in front of Exchange PowerShell does (401 with a Negotiate challenge), or
/// accepts connections and never says anything.
/// </summary>
public sealed class ProbeListener : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly List<TcpClient> _held = new List<TcpClient>();
    private readonly bool _answer;

    private ProbeListener(bool answer)
    {
        _answer = answer;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _ = Task.Run(AcceptLoop);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Answers 401 with "WWW-Authenticate: Negotiate".</summary>
    public static ProbeListener Negotiate() => new ProbeListener(answer: true);

    /// <summary>Accepts and never answers.</summary>
    public static ProbeListener Silent() => new ProbeListener(answer: false);

    /// <summary>A port on 127.0.0.1 where nothing listens (it refuses connections).</summary>
    public static int ClosedPort() => FreePort.Next();

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException || e is ObjectDisposedException || e is SocketException)
            {
                return;
            }

            if (_answer) _ = Task.Run(() => Answer(client));
            else lock (_held) _held.Add(client);
        }
    }

    private async Task Answer(TcpClient client)
    {
        using (client)
        {
            try
            {
                NetworkStream stream = client.GetStream();
                var buffer = new byte[4096];
                var request = new StringBuilder();
                while (!request.ToString().Contains("\r\n\r\n"))
                {
                    int read = await stream.ReadAsync(buffer, _stop.Token);
                    if (read == 0) return;
                    request.Append(Encoding.ASCII.GetString(buffer, 0, read));
                }

                byte[] response = Encoding.ASCII.GetBytes(
                    "HTTP/1.1 401 Unauthorized\r\nWWW-Authenticate: Negotiate\r\nWWW-Authenticate: Kerberos\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
                await stream.WriteAsync(response, _stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException || e is System.IO.IOException || e is SocketException)
            {
                // The prober gave up or the test ended.
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        lock (_held)
        {
            foreach (TcpClient client in _held) client.Dispose();
        }
    }
}

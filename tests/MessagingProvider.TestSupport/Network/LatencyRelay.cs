using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A TCP relay on 127.0.0.1 that adds network latency, for the kernels here have no netem:
/// every chunk read from one side is written to the other half the round-trip time later, in
/// each direction, with unlimited bandwidth (chunks in flight do not wait for one another, so
/// pipelined commands overlap as they would on a long link). It also counts the round trips
/// the client waited for: a client chunk that follows data from the server is one.
/// A new connection costs what TCP's handshake costs on such a link: the upstream side is
/// connected 1.5 round trips after the client's, so the server's first bytes (an SMTP
/// greeting) reach the client two round trips after it connected, and bytes the client sends
/// at once reach the server after 1.5, as on a real link.
/// </summary>
public sealed class LatencyRelay : IDisposable
{
    private readonly IPEndPoint _upstream;
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly ConcurrentDictionary<TcpClient, byte> _sockets = new ConcurrentDictionary<TcpClient, byte>();
    private long _roundTrips;
    private long _bytes;
    private int _connections;

    public LatencyRelay(int upstreamPort, TimeSpan roundTrip)
        : this(new IPEndPoint(IPAddress.Loopback, upstreamPort), roundTrip)
    {
    }

    public LatencyRelay(IPEndPoint upstream, TimeSpan roundTrip)
    {
        if (roundTrip < TimeSpan.Zero) throw new ArgumentOutOfRangeException(nameof(roundTrip));
        _upstream = upstream;
        RoundTrip = roundTrip;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    /// <summary>The port clients connect to instead of the upstream one.</summary>
    public int Port { get; }

    public TimeSpan RoundTrip { get; }

    public int Connections => Volatile.Read(ref _connections);

    /// <summary>Times a client sent after having received something: the round trips it waited for.</summary>
    public long RoundTrips => Interlocked.Read(ref _roundTrips);

    /// <summary>Bytes relayed, both directions.</summary>
    public long Bytes => Interlocked.Read(ref _bytes);

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }
            catch (SocketException)
            {
                continue;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => RelayAsync(client));
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var server = new TcpClient();
        _sockets[client] = 0;
        _sockets[server] = 0;
        try
        {
            client.NoDelay = true;
            server.NoDelay = true;
            var turn = new TurnCounter();
            Task connected = ConnectUpstreamAsync(server);
            Task up = PumpAsync(client.GetStream(), server, connected, turn, fromClient: true, _stop.Token);
            await connected;
            Task down = PumpAsync(server.GetStream(), client, Task.CompletedTask, turn, fromClient: false, _stop.Token);
            await Task.WhenAny(up, down);
            // One side closed: let what is in flight arrive, then close both.
            await Task.WhenAll(up, down).WaitAsync(RoundTrip + TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { });
        }
        catch (Exception) when (_stop.IsCancellationRequested)
        {
        }
        catch (SocketException)
        {
        }
        catch (System.IO.IOException)
        {
        }
        finally
        {
            _sockets.TryRemove(client, out _);
            _sockets.TryRemove(server, out _);
            client.Dispose();
        }
    }

    private async Task ConnectUpstreamAsync(TcpClient server)
    {
        await Task.Delay(RoundTrip * 1.5, _stop.Token);
        await server.ConnectAsync(_upstream.Address, _upstream.Port, _stop.Token);
    }

    /// <summary>Reads chunks from <paramref name="from"/> and writes each one half a round trip later.</summary>
    private async Task PumpAsync(NetworkStream from, TcpClient to, Task connected, TurnCounter turn, bool fromClient, CancellationToken cancellationToken)
    {
        var due = Channel.CreateUnbounded<(long DueTicks, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        Task writer = WriteWhenDueAsync(due.Reader, to, connected, cancellationToken);
        var buffer = new byte[64 * 1024];
        long delayTicks = (long)(RoundTrip.TotalSeconds / 2 * Stopwatch.Frequency);
        try
        {
            while (true)
            {
                int read = await from.ReadAsync(buffer, cancellationToken);
                if (read == 0) break;
                long arrived = Stopwatch.GetTimestamp();
                turn.Saw(fromClient, this);
                Interlocked.Add(ref _bytes, read);
                due.Writer.TryWrite((arrived + delayTicks, buffer.AsSpan(0, read).ToArray()));
            }
        }
        catch (Exception e) when (e is System.IO.IOException || e is OperationCanceledException || e is ObjectDisposedException)
        {
        }
        finally
        {
            due.Writer.TryComplete();
        }

        await writer;
    }

    private static async Task WriteWhenDueAsync(ChannelReader<(long DueTicks, byte[] Data)> chunks, TcpClient to, Task connected, CancellationToken cancellationToken)
    {
        try
        {
            await connected;
            NetworkStream stream = to.GetStream();
            await foreach ((long dueTicks, byte[] data) in chunks.ReadAllAsync(cancellationToken))
            {
                // Task.Delay runs on a coarse clock (Environment.TickCount64, 1-4 ms steps on
                // Linux) and can end a little before the Stopwatch time: wait again until the
                // chunk is due, so that the relay never forwards early.
                for (TimeSpan wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueTicks); wait > TimeSpan.Zero; wait = Stopwatch.GetElapsedTime(Stopwatch.GetTimestamp(), dueTicks))
                {
                    await Task.Delay(wait < TimeSpan.FromMilliseconds(1) ? TimeSpan.FromMilliseconds(1) : wait, cancellationToken);
                }
                await stream.WriteAsync(data, cancellationToken);
            }

            // The sender closed its side: pass the end of stream on.
            to.Client.Shutdown(SocketShutdown.Send);
        }
        catch (Exception e) when (e is System.IO.IOException || e is OperationCanceledException || e is ObjectDisposedException || e is SocketException || e is InvalidOperationException)
        {
        }
    }

    /// <summary>Whose turn it was last, per connection.</summary>
    private sealed class TurnCounter
    {
        private int _serverSpoke = 1;

        public void Saw(bool fromClient, LatencyRelay relay)
        {
            if (!fromClient)
            {
                Volatile.Write(ref _serverSpoke, 1);
            }
            else if (Interlocked.Exchange(ref _serverSpoke, 0) == 1)
            {
                Interlocked.Increment(ref relay._roundTrips);
            }
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (TcpClient socket in _sockets.Keys) socket.Dispose();
        _stop.Dispose();
    }
}

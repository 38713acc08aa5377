using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Core.Tests.TestSupport;

/// <summary>
/// The latency relay the SMTP benchmark runs through. The checks on time are lower bounds only
/// (the relay must add at least the delay asked for; a busy machine can only add more), so they
/// hold on any machine and say nothing about speed.
/// </summary>
public sealed class LatencyRelayTests : IDisposable
{
    private static readonly TimeSpan RoundTrip = TimeSpan.FromMilliseconds(80);
    private readonly TcpListener _echo = new TcpListener(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();

    public LatencyRelayTests()
    {
        _echo.Start();
        _ = Task.Run(ServeEcho);
    }

    [Fact]
    public async Task BytesArriveIntactInBothDirections()
    {
        using var relay = new LatencyRelay(EchoPort, RoundTrip);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port);
        NetworkStream stream = client.GetStream();
        await ReadGreeting(stream);
        var data = new byte[1024 * 1024 + 17];
        new Random(20).NextBytes(data);

        Task sending = stream.WriteAsync(data).AsTask();
        byte[] back = new byte[data.Length];
        await stream.ReadExactlyAsync(back);
        await sending;

        Assert.Equal(data, back);
        Assert.Equal(Greeting.Length + 2L * data.Length, relay.Bytes);
        Assert.Equal(1, relay.Connections);
    }

    [Fact]
    public async Task EachExchangeWaitsARoundTripAndANewConnectionTwo()
    {
        using var relay = new LatencyRelay(EchoPort, RoundTrip);
        using var client = new TcpClient();
        var clock = Stopwatch.StartNew();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port);
        NetworkStream stream = client.GetStream();
        await ReadGreeting(stream);
        TimeSpan greeting = clock.Elapsed;

        clock.Restart();
        await stream.WriteAsync(new byte[] { 42 });
        var back = new byte[1];
        await stream.ReadExactlyAsync(back);
        TimeSpan exchange = clock.Elapsed;

        Assert.Equal(42, back[0]);
        // Lower bounds with 1 ms for timer rounding: the greeting came after SYN, SYN-ACK, ACK and its own way back.
        Assert.True(greeting >= 2 * RoundTrip - TimeSpan.FromMilliseconds(1), $"the greeting came after {greeting.TotalMilliseconds} ms");
        Assert.True(exchange >= RoundTrip - TimeSpan.FromMilliseconds(1), $"the echo came after {exchange.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task RoundTripsCountTheTimesTheClientWaitedNotTheCommandsItPipelined()
    {
        using var relay = new LatencyRelay(EchoPort, RoundTrip);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port);
        NetworkStream stream = client.GetStream();
        await ReadGreeting(stream);

        for (int i = 0; i < 3; i++) await Exchange(stream, "NOOP\r\n");
        await Exchange(stream, "RSET\r\nNOOP\r\nNOOP\r\n");

        Assert.Equal(4, relay.RoundTrips);
    }

    [Fact]
    public async Task DisposingTheRelayClosesItsConnections()
    {
        var relay = new LatencyRelay(EchoPort, RoundTrip);
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, relay.Port);
        NetworkStream stream = client.GetStream();
        await ReadGreeting(stream);

        relay.Dispose();

        var buffer = new byte[1];
        int read;
        try
        {
            read = await stream.ReadAsync(buffer).AsTask().WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (IOException)
        {
            read = 0;
        }

        Assert.Equal(0, read);
        await Assert.ThrowsAnyAsync<SocketException>(async () =>
        {
            using var late = new TcpClient();
            await late.ConnectAsync(IPAddress.Loopback, relay.Port);
        });
    }

    private static readonly byte[] Greeting = Encoding.ASCII.GetBytes("220 echo\r\n");

    private int EchoPort => ((IPEndPoint)_echo.LocalEndpoint).Port;

    private static async Task ReadGreeting(NetworkStream stream)
    {
        var greeting = new byte[Greeting.Length];
        await stream.ReadExactlyAsync(greeting);
        Assert.Equal(Greeting, greeting);
    }

    private static async Task Exchange(NetworkStream stream, string text)
    {
        byte[] sent = Encoding.ASCII.GetBytes(text);
        await stream.WriteAsync(sent);
        var back = new byte[sent.Length];
        await stream.ReadExactlyAsync(back);
        Assert.Equal(text, Encoding.ASCII.GetString(back));
    }

    /// <summary>Greets like an SMTP server, then echoes everything.</summary>
    private async Task ServeEcho()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient connection;
            try
            {
                connection = await _echo.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            _ = Task.Run(async () =>
            {
                using (connection)
                {
                    try
                    {
                        NetworkStream stream = connection.GetStream();
                        await stream.WriteAsync(Greeting);
                        await stream.CopyToAsync(stream);
                    }
                    catch (IOException)
                    {
                    }
                }
            });
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _echo.Stop();
    }
}

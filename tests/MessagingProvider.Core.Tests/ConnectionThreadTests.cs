using System;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Connections;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Core.Tests;

/// <summary>
/// A sending connection's own thread (ConnectionThread), the stream that waits there with poll()
/// (PolledSocketStream) and the queue the renderer hands messages to it through (DraftHandoff),
/// on real loopback sockets: no thread-pool hop per reply, and every wait still bounded.
/// </summary>
public sealed class ConnectionThreadTests : IDisposable
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);

    public ConnectionThreadTests() => _listener.Start();

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    [Fact]
    public async Task RepliesAreReadOnTheConnectionThreadWithoutThePool()
    {
        var echo = Task.Run(async () =>
        {
            using Socket peer = await _listener.AcceptSocketAsync();
            var buffer = new byte[16];
            int read;
            while ((read = await peer.ReceiveAsync(buffer.AsMemory(), SocketFlags.None)) > 0) await peer.SendAsync(buffer.AsMemory(0, read), SocketFlags.None);
        });
        int threads = 0;
        long poolItems = 0;
        await ConnectionThread.Run(async thread =>
        {
            Assert.True(ConnectionThread.IsCurrent);
            using Socket socket = await ConnectionStages.ConnectTcpAsync(new[] { IPAddress.Loopback }, Port, Timeout, CancellationToken.None);
            using var stream = new PolledSocketStream(socket) { ReadTimeout = 5000 };
            int me = Environment.CurrentManagedThreadId;
            long before = ThreadPool.CompletedWorkItemCount;
            var reply = new byte[3];
            for (int i = 0; i < 200; i++)
            {
                await stream.WriteAsync(new byte[] { 1, 2, 3 });
                int got = 0;
                while (got < 3) got += await stream.ReadAsync(reply.AsMemory(got));
                if (Environment.CurrentManagedThreadId == me) threads++;
            }

            // The echo server's own async socket uses the pool (about one item per exchange); this side adds none.
            poolItems = ThreadPool.CompletedWorkItemCount - before;
        }, "test connection");
        _listener.Stop();
        Assert.Equal(200, threads);
        Assert.True(poolItems < 300, $"{poolItems} thread-pool items for 200 exchanges");
        await echo;
    }

    [Fact]
    public async Task ASilentServerCostsOneReadTimeoutAndAClosedSocketEndsTheWaitAtOnce()
    {
        using Socket silent = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        Task<Socket> accepted = _listener.AcceptSocketAsync();
        await ConnectionThread.Run(async thread =>
        {
            using Socket socket = await ConnectionStages.ConnectTcpAsync(new[] { IPAddress.Loopback }, Port, Timeout, CancellationToken.None);
            using var stream = new PolledSocketStream(socket) { ReadTimeout = 700 };
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAsync<TimeoutException>(async () => await stream.ReadAsync(new byte[1].AsMemory()));
            Assert.InRange(clock.ElapsedMilliseconds, 600, 3000);

            stream.ReadTimeout = System.Threading.Timeout.Infinite;
            clock.Restart();
            _ = Task.Delay(300).ContinueWith(_ => socket.Dispose(), TaskScheduler.Default); // as the idle watchdog does
            await Assert.ThrowsAsync<IOException>(async () => await stream.ReadAsync(new byte[1].AsMemory()));
            Assert.InRange(clock.ElapsedMilliseconds, 200, 3000);
        }, "test connection");
        (await accepted).Dispose();
    }

    [Fact]
    public async Task AStopEndsTheWaitWithinASlice()
    {
        Task<Socket> accepted = _listener.AcceptSocketAsync();
        using var stop = new CancellationTokenSource();
        await ConnectionThread.Run(async thread =>
        {
            using Socket socket = await ConnectionStages.ConnectTcpAsync(new[] { IPAddress.Loopback }, Port, Timeout, CancellationToken.None);
            using var stream = new PolledSocketStream(socket);
            stop.CancelAfter(300);
            var clock = Stopwatch.StartNew();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await stream.ReadAsync(new byte[1].AsMemory(), stop.Token));
            Assert.InRange(clock.ElapsedMilliseconds, 200, 3000);
        }, "test connection");
        (await accepted).Dispose();
    }

    [Fact]
    public async Task WorkThatResumedOnThePoolComesBackToItsThread()
    {
        int start = 0;
        int after = -1;
        await ConnectionThread.Run(async thread =>
        {
            start = Environment.CurrentManagedThreadId;
            await Task.Delay(50).ConfigureAwait(false);
            Assert.False(ConnectionThread.IsCurrent);
            await ConnectionThread.ComeBack();
            after = Environment.CurrentManagedThreadId;
            Assert.True(ConnectionThread.IsCurrent);
        }, "test connection");
        Assert.Equal(start, after);
    }

    [Fact]
    public async Task TheHandoffHoldsItsCapacityHandsOverInOrderAndEndsWaitsOnCancel()
    {
        var handoff = new DraftHandoff(capacity: 2);
        NotificationDraft Draft(string name) => new NotificationDraft(new NotificationResult { Object = name });
        Assert.True(handoff.AddAsync(Draft("a")).IsCompleted);
        Assert.True(handoff.AddAsync(Draft("b")).IsCompleted);
        Task third = handoff.AddAsync(Draft("c"));
        Assert.False(third.IsCompleted); // full: the renderer waits

        Assert.Equal("a", (await handoff.TakeAsync())!.Summary.Object);
        Assert.True(third.IsCompleted); // room made, "c" queued behind "b"
        Assert.Equal("b", (await handoff.TakeAsync())!.Summary.Object);
        Assert.Equal("c", (await handoff.TakeAsync())!.Summary.Object);

        Task<NotificationDraft?> waiting = handoff.TakeAsync();
        Assert.False(waiting.IsCompleted);
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        handoff.Cancel(stop.Token);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => handoff.AddAsync(Draft("d")));
    }

    [Fact]
    public async Task ACompletedHandoffGivesNullOnceEmpty()
    {
        var handoff = new DraftHandoff(capacity: 2);
        Task<NotificationDraft?> waiting = handoff.TakeAsync();
        handoff.Complete();
        Assert.Null(await waiting);
        Assert.Null(await handoff.TakeAsync());
    }

    public void Dispose() => _listener.Stop();
}

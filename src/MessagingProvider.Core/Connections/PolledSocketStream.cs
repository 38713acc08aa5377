#if NET
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Connections;

/// <summary>
/// The connected socket under MailKit's SMTP client. On a <see cref="ConnectionThread"/> it waits
/// for the server with poll() on that thread, so MailKit's async calls complete there without a
/// hop through the thread pool; anywhere else it is an ordinary async socket stream. Measured on
/// loopback (issue 15's benchmark): the three pool hops per message, each followed by a worker
/// spinning before it sleeps, were half of the client's CPU per message. Every wait is bounded by
/// <see cref="ReadTimeout"/>/<see cref="WriteTimeout"/> (MailKit sets them to its Timeout) and
/// ends when the token is cancelled or the socket is closed (the idle watchdog): the poll runs in
/// slices of 200 ms. (Windows PowerShell keeps MailKit's own stream: <see cref="ConnectionStages"/>.)
/// </summary>
public sealed class PolledSocketStream : Stream
{
    private const int SliceMicroseconds = 200_000;
    private readonly Socket _socket;

    public PolledSocketStream(Socket socket) => _socket = socket;

    public override bool CanRead => true;

    public override bool CanWrite => true;

    public override bool CanSeek => false;

    public override bool CanTimeout => true;

    public override int ReadTimeout { get; set; } = Timeout.Infinite;

    public override int WriteTimeout { get; set; } = Timeout.Infinite;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        WaitReadable(CancellationToken.None);
        return ReceiveReady(buffer);
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (buffer.Length > 0) buffer = buffer.Slice(_socket.Send(buffer));
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
        {
            throw Lost(e);
        }
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!ConnectionThread.IsCurrent) return ReceiveAsync(buffer, cancellationToken);
        try
        {
            WaitReadable(cancellationToken);
            return new ValueTask<int>(ReceiveReady(buffer.Span));
        }
        catch (Exception e)
        {
            return new ValueTask<int>(Task.FromException<int>(e));
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (!ConnectionThread.IsCurrent) return SendAsync(buffer, cancellationToken);
        try
        {
            cancellationToken.ThrowIfCancellationRequested();
            Write(buffer.Span);
            return default;
        }
        catch (Exception e)
        {
            return new ValueTask(Task.FromException(e));
        }
    }

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) _socket.Dispose();
        base.Dispose(disposing);
    }

    private async ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = Bounded(ReadTimeout, cancellationToken);
        try
        {
            return await _socket.ReceiveAsync(buffer, SocketFlags.None, bounded.Token).ConfigureAwait(false);
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
        {
            throw Translate(e, cancellationToken);
        }
    }

    private async ValueTask SendAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken)
    {
        using CancellationTokenSource bounded = Bounded(WriteTimeout, cancellationToken);
        try
        {
            while (buffer.Length > 0) buffer = buffer.Slice(await _socket.SendAsync(buffer, SocketFlags.None, bounded.Token).ConfigureAwait(false));
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException || e is OperationCanceledException)
        {
            throw Translate(e, cancellationToken);
        }
    }

    /// <summary>Receives what poll() said is there (without waiting).</summary>
    private int ReceiveReady(Span<byte> buffer)
    {
        try
        {
            return _socket.Receive(buffer);
        }
        catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
        {
            throw Lost(e);
        }
    }

    /// <summary>poll() in slices until the socket is readable (data, end of stream or an error), the timeout passes, the token is cancelled or the socket is closed.</summary>
    private void WaitReadable(CancellationToken cancellationToken)
    {
        Stopwatch? clock = null;
        while (true)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                if (_socket.Poll(SliceMicroseconds, SelectMode.SelectRead)) return;
            }
            catch (Exception e) when (e is SocketException || e is ObjectDisposedException)
            {
                throw Lost(e);
            }

            clock ??= Stopwatch.StartNew();
            if (ReadTimeout != Timeout.Infinite && clock.ElapsedMilliseconds >= ReadTimeout) throw new TimeoutException($"No data from the server within {ReadTimeout / 1000.0:0.#} s.");
        }
    }

    private static CancellationTokenSource Bounded(int timeout, CancellationToken cancellationToken)
    {
        CancellationTokenSource bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (timeout != Timeout.Infinite) bounded.CancelAfter(timeout);
        return bounded;
    }

    private static Exception Translate(Exception e, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested ? new OperationCanceledException("Stopped.", e, cancellationToken)
        : e is OperationCanceledException ? new TimeoutException("No answer from the server within the timeout.", e)
        : Lost(e);

    /// <summary>As MailKit's own stream reports a reset or closed socket: an IOException around the cause.</summary>
    private static IOException Lost(Exception e) => new IOException(e.Message, e);
}
#endif

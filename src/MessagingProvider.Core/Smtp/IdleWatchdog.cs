using System;
using System.Net.Sockets;
using System.Threading;

namespace MessagingProvider.Smtp;

/// <summary>
/// Bounds every wait on one connection: when neither side has sent a byte for the timeout, the
/// socket is closed, which ends any blocked read or write with an exception. MailKit's own
/// Timeout is kept as well; this is what bounds the reply after the end of DATA, which it did not.
/// Activity comes from the protocol log (<see cref="SmtpDialogueLog.Activity"/>).
/// </summary>
public sealed class IdleWatchdog : IDisposable
{
    private readonly TimeSpan _timeout;
    private readonly Timer _timer;
    private Socket? _socket;
    private long _lastActivity;
    private int _armed;

    public IdleWatchdog(TimeSpan timeout)
    {
        _timeout = timeout;
        long period = Math.Max(20, (long)timeout.TotalMilliseconds / 10);
        _timer = new Timer(_ => Check(), null, period, period);
    }

    /// <summary>True once the watchdog closed a connection: the failure that followed is a timeout.</summary>
    public bool Fired { get; private set; }

    public TimeSpan Timeout => _timeout;

    public void Attach(Socket socket)
    {
        _socket = socket;
        Fired = false;
        Touch();
    }

    public void Touch() => Interlocked.Exchange(ref _lastActivity, Now());

    /// <summary>Watches until the returned scope is disposed.</summary>
    public IDisposable Arm()
    {
        Touch();
        Interlocked.Exchange(ref _armed, 1);
        return new Scope(this);
    }

    private void Check()
    {
        if (Volatile.Read(ref _armed) == 0 || _socket is null) return;
        if (Now() - Interlocked.Read(ref _lastActivity) < (long)_timeout.TotalMilliseconds) return;
        Fired = true;
        Interlocked.Exchange(ref _armed, 0);
        try
        {
            _socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    private static long Now() => System.Diagnostics.Stopwatch.GetTimestamp() * 1000 / System.Diagnostics.Stopwatch.Frequency;

    public void Dispose() => _timer.Dispose();

    private sealed class Scope : IDisposable
    {
        private readonly IdleWatchdog _owner;

        public Scope(IdleWatchdog owner) => _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner._armed, 0);
    }
}

using System;
using System.Diagnostics;
using System.Threading;

namespace MessagingProvider.Notifications;

/// <summary>Spaces messages to a per-store rate (messages per minute; 0 = as fast as the server takes them).</summary>
public sealed class SendPacer
{
    private readonly TimeSpan _interval;
    private readonly Stopwatch _sinceLast = new Stopwatch();

    public SendPacer(int messagesPerMinute) =>
        _interval = messagesPerMinute > 0 ? TimeSpan.FromTicks(TimeSpan.TicksPerMinute / messagesPerMinute) : TimeSpan.Zero;

    public void WaitTurn(CancellationToken cancellationToken)
    {
        if (_interval > TimeSpan.Zero && _sinceLast.IsRunning)
        {
            TimeSpan wait = _interval - _sinceLast.Elapsed;
            if (wait > TimeSpan.Zero && cancellationToken.WaitHandle.WaitOne(wait)) cancellationToken.ThrowIfCancellationRequested();
        }

        _sinceLast.Restart();
    }
}

using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Notifications;

/// <summary>
/// Spaces messages to a per-store rate (messages per minute; 0 = as fast as the server takes
/// them). Each message reserves the next free slot, so several connections sending at once
/// (-MaxConnection) share the one rate.
/// </summary>
public sealed class SendPacer
{
    private readonly TimeSpan _interval;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly object _sync = new object();
    private TimeSpan? _nextSlot;

    public SendPacer(int messagesPerMinute) =>
        _interval = messagesPerMinute > 0 ? TimeSpan.FromTicks(TimeSpan.TicksPerMinute / messagesPerMinute) : TimeSpan.Zero;

    public async Task WaitTurnAsync(CancellationToken cancellationToken)
    {
        if (_interval <= TimeSpan.Zero) return;
        TimeSpan wait;
        lock (_sync)
        {
            TimeSpan now = _clock.Elapsed;
            TimeSpan slot = _nextSlot is TimeSpan next && next > now ? next : now;
            _nextSlot = slot + _interval;
            wait = slot - now;
        }

        if (wait > TimeSpan.Zero) await Task.Delay(wait, cancellationToken).ConfigureAwait(false);
    }
}

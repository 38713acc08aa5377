using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Notifications;

/// <summary>
/// The bounded queue between the thread that renders and commits messages and the connections
/// that send them (<see cref="ParallelDispatch"/>). A side that waits is resumed on the thread that
/// brought it a message or made room (a connection then posts itself back to its own
/// <see cref="Connections.ConnectionThread"/>), not through the thread pool: every hop through the
/// pool wakes a worker that spins before it sleeps, and on a busy machine, or next to a local mail
/// server, that spinning took the CPU the sending needed (issue 15's benchmark).
/// A cancelled or completed queue resumes its waiters on the thread pool instead, so whoever
/// stops the run is not held by the connections' clean-up.
/// </summary>
internal sealed class DraftHandoff
{
    private readonly object _sync = new object();
    private readonly Queue<NotificationDraft> _drafts = new Queue<NotificationDraft>();
    private readonly Queue<TaskCompletionSource<NotificationDraft?>> _takers = new Queue<TaskCompletionSource<NotificationDraft?>>();
    private readonly Queue<(NotificationDraft Draft, TaskCompletionSource<bool> Taken)> _adders = new Queue<(NotificationDraft, TaskCompletionSource<bool>)>();
    private readonly int _capacity;
    private CancellationToken? _cancelled;
    private bool _completed;

    /// <param name="capacity">How many drafts may wait for a connection before <see cref="AddAsync"/> waits.</param>
    public DraftHandoff(int capacity) => _capacity = capacity;

    /// <summary>Queues a draft; waits while <c>capacity</c> drafts already wait. Cancelled by <see cref="Cancel"/>.</summary>
    public Task AddAsync(NotificationDraft draft)
    {
        TaskCompletionSource<NotificationDraft?> taker;
        lock (_sync)
        {
            if (_cancelled is CancellationToken token) return Task.FromCanceled(token);
            if (_completed) throw new InvalidOperationException("No draft can be added after Complete.");
            if (_takers.Count == 0)
            {
                if (_drafts.Count < _capacity)
                {
                    _drafts.Enqueue(draft);
                    return Task.CompletedTask;
                }

                var taken = new TaskCompletionSource<bool>();
                _adders.Enqueue((draft, taken));
                return taken.Task;
            }

            taker = _takers.Dequeue();
        }

        // The connection goes on here, up to its first network wait.
        taker.TrySetResult(draft);
        return Task.CompletedTask;
    }

    /// <summary>The next draft; null once <see cref="Complete"/> was called and none is left. Cancelled by <see cref="Cancel"/>.</summary>
    public Task<NotificationDraft?> TakeAsync()
    {
        NotificationDraft draft;
        TaskCompletionSource<bool>? adder = null;
        lock (_sync)
        {
            if (_cancelled is CancellationToken token) return Task.FromCanceled<NotificationDraft?>(token);
            if (_drafts.Count == 0)
            {
                if (_completed) return Task.FromResult<NotificationDraft?>(null);
                var taker = new TaskCompletionSource<NotificationDraft?>();
                _takers.Enqueue(taker);
                return taker.Task;
            }

            draft = _drafts.Dequeue();
            if (_adders.Count > 0)
            {
                (NotificationDraft waiting, TaskCompletionSource<bool> taken) = _adders.Dequeue();
                _drafts.Enqueue(waiting);
                adder = taken;
            }
        }

        // The renderer's wait for room ends here (it returns at once to its own thread's loop).
        adder?.TrySetResult(true);
        return Task.FromResult<NotificationDraft?>(draft);
    }

    /// <summary>No more drafts come: waiting takers get null once the queue is empty.</summary>
    public void Complete()
    {
        TaskCompletionSource<NotificationDraft?>[] takers;
        lock (_sync)
        {
            _completed = true;
            takers = _takers.ToArray();
            _takers.Clear();
        }

        foreach (TaskCompletionSource<NotificationDraft?> taker in takers) Task.Run(() => taker.TrySetResult(null));
    }

    /// <summary>Every wait, now and later, ends cancelled with <paramref name="token"/>; queued drafts stay unsent (they stay in the outbox).</summary>
    public void Cancel(CancellationToken token)
    {
        TaskCompletionSource<NotificationDraft?>[] takers;
        (NotificationDraft, TaskCompletionSource<bool> Taken)[] adders;
        lock (_sync)
        {
            if (_cancelled is not null) return;
            _cancelled = token;
            takers = _takers.ToArray();
            adders = _adders.ToArray();
            _takers.Clear();
            _adders.Clear();
            _drafts.Clear();
        }

        foreach (TaskCompletionSource<NotificationDraft?> taker in takers) Task.Run(() => taker.TrySetCanceled(token));
        foreach ((_, TaskCompletionSource<bool> taken) in adders) Task.Run(() => taken.TrySetCanceled(token));
    }
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Connections;
using MessagingProvider.Errors;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications;

/// <summary>
/// A send run over several connections of one store (-MaxConnection): each connection runs on its
/// own <see cref="ConnectionThread"/> with its own transport and sends one message at a time; the
/// store's pacing is shared. The outbox's claims keep a message on one connection. Results,
/// errors and verbose messages go to the caller's callbacks from the connections' threads: the
/// caller gives callbacks that carry them to where they may be written (a cmdlet's async bridge).
/// A configuration problem (no server, a refused password) stops every connection; what was not
/// sent stays queued, and the next <see cref="PostAsync"/> or <see cref="CompleteAsync"/> throws it.
/// </summary>
public sealed class ParallelDispatch
{
    private readonly NotificationDispatcher _dispatcher;
    private readonly int _connections;
    private readonly Action<MessagingProviderException> _writeError;
    private readonly Action<NotificationResult> _writeResult;
    private readonly CancellationTokenSource _stop;
    private readonly DraftHandoff _drafts;
    private readonly List<Task> _workers = new List<Task>();
    private NotificationDispatcher.DueCursor? _due;
    private Exception? _fatal;
    private int _completed;

    internal ParallelDispatch(NotificationDispatcher dispatcher, int connections, Action<MessagingProviderException> writeError, Action<NotificationResult> writeResult, CancellationToken cancellationToken)
    {
        if (connections < 1) throw new ArgumentOutOfRangeException(nameof(connections), connections, "At least one connection.");
        _dispatcher = dispatcher;
        _connections = connections;
        _writeError = writeError;
        _writeResult = writeResult;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Two waiting messages per connection: enough to keep each busy, and a pipeline of any
        // length holds no more than that in memory (PostAsync waits for a free place).
        _drafts = new DraftHandoff(connections * 2);
        _stop.Token.Register(() => _drafts.Cancel(_stop.Token));
    }

    /// <summary>Ends when every connection has ended (at once when none started).</summary>
    public Task Ended => Task.WhenAll(_workers);

    /// <summary>
    /// Queues a message already committed to the outbox (<see cref="NotificationDispatcher.Enqueue"/>);
    /// starts the connections on first use. Throws the problem that stopped them, if any.
    /// </summary>
    public async Task PostAsync(NotificationDraft draft)
    {
        ThrowIfStopped();
        Start();
        try
        {
            Task added = _drafts.AddAsync(draft);
            // Waiting for room: meanwhile this thread commits what the connections sent.
            if (!added.IsCompleted) _dispatcher.SaveOutcomes();
            await added.ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _fatal) is not null)
        {
            // The connections stopped: the message stays queued.
            ThrowIfStopped();
        }
    }

    /// <summary>The connections send every due message of the outbox (Send-QueuedNotification).</summary>
    public void SendDue(bool includeNotDue)
    {
        _due = new NotificationDispatcher.DueCursor(includeNotDue);
        Start();
    }

    /// <summary>Waits for every message posted so far to be finished; throws the problem that stopped the run.</summary>
    public async Task CompleteAsync()
    {
        if (Interlocked.Exchange(ref _completed, 1) == 0) _drafts.Complete();
        await Ended.ConfigureAwait(false);
        ThrowIfStopped();
    }

    /// <summary>Stops the connections (what they hold stays queued); <see cref="Ended"/> says when they have.</summary>
    public void Stop()
    {
        _stop.Cancel();
        if (Interlocked.Exchange(ref _completed, 1) == 0) _drafts.Complete();
    }

    private void ThrowIfStopped()
    {
        Exception? fatal = Volatile.Read(ref _fatal);
        if (fatal is OperationCanceledException) throw new OperationCanceledException(fatal.Message, fatal, _stop.Token);
        if (fatal is not null) throw fatal;
    }

    private void Start()
    {
        if (_workers.Count > 0) return;
        for (int i = 0; i < _connections; i++)
        {
            int number = i + 1;
            _workers.Add(ConnectionThread.Run(thread => WorkAsync(thread, number), $"MessagingProvider connection {number}"));
        }
    }

    private async Task WorkAsync(ConnectionThread thread, int number)
    {
        // One connection is the dispatcher's own (the one the backlog went through); more are opened here.
        bool ownTransport = _connections > 1;
        INotificationTransport? transport = null;
        try
        {
            DeliveryLane lane;
            if (ownTransport)
            {
                Action<string>? verbose = _dispatcher.VerboseCallback is null ? null : text => _dispatcher.VerboseCallback!($"[connection {number}] {text}");
                transport = _dispatcher.NewTransport(verbose);
                _dispatcher.OnTransportCreated(transport);
                lane = new DeliveryLane(transport, verbose);
            }
            else
            {
                lane = _dispatcher.Lane;
            }

            if (_due is not null)
            {
                while (await _dispatcher.SendNextDueAsync(_due, lane, _writeError, _stop.Token).ConfigureAwait(false) is { } results)
                {
                    foreach (NotificationResult result in results) _writeResult(result);
                    await thread.SwitchTo();
                }
            }
            else
            {
                while (await NextDraftAsync().ConfigureAwait(false) is { } draft)
                {
                    // Back on this connection's thread (a draft handed over by the renderer resumes on its thread).
                    await thread.SwitchTo();
                    _writeResult(await _dispatcher.SendAsync(draft, lane, _writeError, _stop.Token).ConfigureAwait(false));
                }
            }
        }
        catch (Exception e) when (e is MessagingProviderException || e is OperationCanceledException)
        {
            StopAll(e);
        }
        finally
        {
            SaveOutcomesAtEnd();
            transport?.Dispose(); // only one this connection opened
        }
    }

    /// <summary>The next draft; when none is ready (or none is left), what was sent is committed before the wait.</summary>
    private Task<NotificationDraft?> NextDraftAsync()
    {
        Task<NotificationDraft?> next = _drafts.TakeAsync();
        if (!next.IsCompleted || next.Status == TaskStatus.RanToCompletion && next.Result is null) _dispatcher.SaveOutcomes();
        return next;
    }

    private void SaveOutcomesAtEnd()
    {
        try
        {
            _dispatcher.SaveOutcomes();
        }
        catch (MessagingProviderException e)
        {
            // The outbox became unusable: those messages stay claimed, and the next run sends them as Uncertain.
            StopAll(e);
        }
    }

    /// <summary>The first problem stops the other connections; their messages stay queued.</summary>
    private void StopAll(Exception problem)
    {
        if (Interlocked.CompareExchange(ref _fatal, problem, null) is null) _stop.Cancel();
    }
}

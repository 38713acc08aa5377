using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;

namespace MessagingProvider.Notifications;

/// <summary>
/// A send run over several connections of one store (-MaxConnection): each connection has its
/// own thread and transport and sends one message at a time; the store's pacing is shared. The
/// outbox's claims keep a message on one connection. Results, errors and verbose messages are
/// queued and handed to the caller's thread by <see cref="Pump"/>, because a cmdlet may write
/// only there. A configuration problem (no server, a refused password) stops every connection;
/// what was not sent stays queued, and <see cref="Pump"/> throws it.
/// </summary>
public sealed class ParallelDispatch : IDisposable
{
    private readonly NotificationDispatcher _dispatcher;
    private readonly int _connections;
    private readonly Action<MessagingProviderException> _writeError;
    private readonly Action<NotificationResult> _writeResult;
    private readonly CancellationTokenSource _stop;
    private readonly BlockingCollection<NotificationDraft> _drafts;
    private readonly BlockingCollection<Action> _reports = new BlockingCollection<Action>();
    private readonly List<Task> _workers = new List<Task>();
    private NotificationDispatcher.DueCursor? _due;
    private Exception? _fatal;
    private int _running;

    internal ParallelDispatch(NotificationDispatcher dispatcher, int connections, Action<MessagingProviderException> writeError, Action<NotificationResult> writeResult, CancellationToken cancellationToken)
    {
        if (connections < 1) throw new ArgumentOutOfRangeException(nameof(connections), connections, "At least one connection.");
        _dispatcher = dispatcher;
        _connections = connections;
        _writeError = writeError;
        _writeResult = writeResult;
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        // Two waiting messages per connection: enough to keep each busy, and a pipeline of any
        // length holds no more than that in memory (Post waits for a free place).
        _drafts = new BlockingCollection<NotificationDraft>(boundedCapacity: connections * 2);
    }

    /// <summary>Queues a message already committed to the outbox (<see cref="NotificationDispatcher.Enqueue"/>); starts the connections on first use.</summary>
    public void Post(NotificationDraft draft)
    {
        Start();
        try
        {
            _drafts.Add(draft, _stop.Token);
        }
        catch (OperationCanceledException) when (Volatile.Read(ref _fatal) is not null)
        {
            // The connections stopped: the message stays queued, and Pump reports why.
        }
    }

    /// <summary>The connections send every due message of the outbox (Send-QueuedNotification).</summary>
    public void SendDue(bool includeNotDue)
    {
        _due = new NotificationDispatcher.DueCursor(includeNotDue);
        Start();
    }

    /// <summary>
    /// Runs the queued reports on this thread; with <paramref name="untilDone"/>, waits for every
    /// message posted so far to be finished first. Throws the problem that stopped the run.
    /// </summary>
    public void Pump(bool untilDone)
    {
        if (untilDone) _drafts.CompleteAdding();
        while (true)
        {
            if (!untilDone || Volatile.Read(ref _running) == 0)
            {
                if (!_reports.TryTake(out Action? report)) break;
                report();
                continue;
            }

            // Wakes when a report comes or the last connection ends (it adds an empty report).
            if (_reports.TryTake(out Action? next, Timeout.Infinite, CancellationToken.None)) next();
        }

        if (untilDone)
        {
            Task.WaitAll(_workers.ToArray());
            while (_reports.TryTake(out Action? last)) last();
        }

        Exception? fatal = Volatile.Read(ref _fatal);
        if (fatal is OperationCanceledException) throw new OperationCanceledException(fatal.Message, fatal, _stop.Token);
        if (fatal is not null) throw fatal;
    }

    private void Start()
    {
        if (_workers.Count > 0) return;
        _running = _connections;
        for (int i = 0; i < _connections; i++)
        {
            int number = i + 1;
            _workers.Add(Task.Factory.StartNew(() => Work(number), CancellationToken.None, TaskCreationOptions.LongRunning, TaskScheduler.Default));
        }
    }

    private void Work(int number)
    {
        INotificationTransport? transport = null;
        try
        {
            Action<string>? verbose = _dispatcher.VerboseCallback is null ? null : text => Report(() => _dispatcher.VerboseCallback!($"[connection {number}] {text}"));
            transport = _dispatcher.NewTransport(verbose);
            INotificationTransport created = transport;
            Report(() => _dispatcher.OnTransportCreated(created));
            var lane = new DeliveryLane(transport, verbose);
            Action<MessagingProviderException> writeError = e => Report(() => _writeError(e));
            if (_due is not null)
            {
                while (_dispatcher.SendNextDue(_due, lane, writeError, _stop.Token) is { } results)
                {
                    foreach (NotificationResult result in results) Report(() => _writeResult(result));
                }
            }
            else
            {
                foreach (NotificationDraft draft in _drafts.GetConsumingEnumerable(_stop.Token))
                {
                    NotificationResult result = _dispatcher.Send(draft, lane, writeError, _stop.Token);
                    Report(() => _writeResult(result));
                }
            }
        }
        catch (Exception e) when (e is MessagingProviderException || e is OperationCanceledException)
        {
            // The first problem stops the other connections; their messages stay queued.
            if (Interlocked.CompareExchange(ref _fatal, e, null) is null) _stop.Cancel();
        }
        finally
        {
            transport?.Dispose();
            Interlocked.Decrement(ref _running);
            _reports.Add(() => { });
        }
    }

    private void Report(Action report) => _reports.Add(report);

    public void Dispose()
    {
        _stop.Cancel();
        _drafts.CompleteAdding();
        try
        {
            Task.WaitAll(_workers.ToArray());
        }
        catch (AggregateException)
        {
        }

        _stop.Dispose();
        _drafts.Dispose();
        _reports.Dispose();
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// What Send-Notification and Send-QueuedNotification keep for one invocation: one
/// <see cref="NotificationDispatcher"/> per identity store for the whole pipeline, the queue's due
/// messages sent once before new ones, and results written with throttled progress (from any
/// thread, through the cmdlet's bridge). It also holds
/// the two parameters both cmdlets take (see <see cref="ParameterGroups"/>).
/// </summary>
internal sealed class NotificationDispatchSession : IDisposable
{
    private readonly Dictionary<string, NotificationDispatcher> _dispatchers = new Dictionary<string, NotificationDispatcher>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ParallelDispatch> _parallel = new Dictionary<string, ParallelDispatch>(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _backlogSent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
    private readonly object _progressLock = new object();
    private IOperationSink? _streams;
    private Action<object>? _output;
    private Action<ErrorRecord>? _error;
    private int _processed;

    /// <summary>Tries per message in this run; the store's setting (Set-NotificationDelivery -MaxAttempts, default 4) when not given.</summary>
    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; }

    /// <summary>First back-off after a 4xx reply; doubled for each further attempt.</summary>
    [Parameter]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>Authenticated connections per identity store sending at once, for large batches; the store's -MessagesPerMinute still bounds them together.</summary>
    [Parameter]
    [ValidateRange(1, 16)]
    public int MaxConnection { get; set; } = 1;

    /// <summary>-MaxConnection 2 or more: Send-QueuedNotification sends the queue through <see cref="Parallel"/> (Send-Notification always does, with one connection by default).</summary>
    public bool SendsInParallel => MaxConnection > 1;

    private IOperationSink Streams => _streams ?? throw new InvalidOperationException("No dispatcher was opened.");

    /// <summary>
    /// The store's dispatcher, opened on first use. <paramref name="output"/>, <paramref name="error"/>
    /// and <paramref name="streams"/> must accept calls from any thread (the cmdlet's bridge): results
    /// and errors come from the sending connections.
    /// </summary>
    public NotificationDispatcher Dispatcher(IOperationSink streams, Action<object> output, Action<ErrorRecord> error, ConfigurationStore store, string name)
    {
        _streams = streams;
        _output = output;
        _error = error;
        if (_dispatchers.TryGetValue(name, out NotificationDispatcher? existing)) return existing;
        IdentityStoreDocument document = store.Get(name);
        var options = new DispatchOptions { MaxAttempts = MaxAttempts == 0 ? null : MaxAttempts, RetryDelay = RetryDelay, Verbose = streams.Verbose };
        var dispatcher = new NotificationDispatcher(store, document, options);
        dispatcher.TransportCreated += transport => TransportNotice.Announce(document, transport, streams);
        _dispatchers[name] = dispatcher;
        return dispatcher;
    }

    /// <summary>The store's parallel run (-MaxConnection 2 or more), started on first use.</summary>
    public ParallelDispatch Parallel(NotificationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        string name = dispatcher.Outbox.IdentityStore;
        if (!_parallel.TryGetValue(name, out ParallelDispatch? parallel))
        {
            parallel = dispatcher.StartParallel(MaxConnection, WriteCoreError, WriteResult, cancellationToken);
            _parallel[name] = parallel;
        }

        return parallel;
    }

    /// <summary>What an earlier run left due goes before this run's first new message.</summary>
    public async Task SendBacklogOnceAsync(NotificationDispatcher dispatcher, CancellationToken cancellationToken)
    {
        if (!_backlogSent.Add(dispatcher.Outbox.IdentityStore)) return;
        await dispatcher.SendDueAsync(WriteResult, WriteCoreError, cancellationToken).ConfigureAwait(false);
    }

    public void WriteCoreError(MessagingProviderException e) => (_error ?? throw new InvalidOperationException("No dispatcher was opened."))(ErrorRecords.From(e));

    /// <summary>From any thread (the connections of a parallel run report as they finish).</summary>
    public void WriteResult(NotificationResult result)
    {
        if (result.Status == NotificationStatus.Sent)
        {
            Streams.Verbose($"Sent '{result.Subject}' through {result.Transport} ({result.ServerReply}){(result.PossibleDuplicate ? "; the server may have it twice (same Message-ID)" : "")}.");
        }

        (_output ?? throw new InvalidOperationException("No dispatcher was opened."))(result);
        lock (_progressLock)
        {
            _processed++;
            // Throttled: a progress record per message would cost more than the message on fast servers.
            if (_sinceProgress.ElapsedMilliseconds < 500) return;
            _sinceProgress.Restart();
            Streams.Progress(new OperationProgress(1, "Sending notifications", $"{_processed} processed"));
        }
    }

    /// <summary>
    /// EndProcessing: the parallel runs finish, the progress bar closes and the connections are
    /// released; returns the first failure of a parallel run for the cmdlet to stop on.
    /// </summary>
    public async Task<MessagingProviderException?> CompleteAsync()
    {
        MessagingProviderException? fatal = null;
        foreach (ParallelDispatch parallel in _parallel.Values)
        {
            try
            {
                await parallel.CompleteAsync().ConfigureAwait(false);
            }
            catch (MessagingProviderException e)
            {
                fatal ??= e;
            }
        }

        _streams?.Progress(new OperationProgress(1, "Sending notifications", "Done") { Completed = true });
        Dispose();
        return fatal;
    }

    public void Dispose()
    {
        var ended = new List<Task>();
        foreach (ParallelDispatch parallel in _parallel.Values)
        {
            parallel.Stop();
            ended.Add(parallel.Ended);
        }

        _parallel.Clear();
        var dispatchers = new List<NotificationDispatcher>(_dispatchers.Values);
        _dispatchers.Clear();
        // A stopped connection saves what it held (Deferred, Uncertain) before its dispatcher
        // releases the outbox, so the dispatchers close when the connections have ended.
        Task.WhenAll(ended).ContinueWith(_ =>
        {
            foreach (NotificationDispatcher dispatcher in dispatchers) dispatcher.Dispose();
        }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
    }
}

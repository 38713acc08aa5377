using System;
using System.Collections.Concurrent;
using System.Management.Automation;
using System.Runtime.ExceptionServices;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Output;
using MessagingProvider.Threading;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// The one place where async Core work meets the pipeline thread (in the style of Mailozaurr's
/// AsyncPSCmdlet). Cmdlet.Write* and ShouldProcess may only be called on the pipeline thread,
/// while Core's network clients continue on thread-pool threads: <see cref="Run{T}"/> runs the
/// work and, until it ends, runs here, in order, everything the work sends to
/// any stream (output, error, warning, verbose, debug, information, progress) and every question
/// it asks (ShouldProcess). The work starts on the pipeline thread itself and runs there until its
/// first wait that does not complete at once (rendering, outbox commits and writes cost no thread
/// switch); what follows the wait continues on the thread pool. Stopping the pipeline cancels the
/// token the work was given. Windows
/// PowerShell has no async cmdlet entry point, so this is also the one place that blocks on a task.
/// Work may outlive one call (the connections of Send-Notification keep sending
/// between input records): what it sends while no call runs waits here and is written, in order,
/// when the next call starts.
/// </summary>
internal sealed class PipelineBridge : IOperationSink
{
    private readonly PSCmdlet _cmdlet;
    private readonly int _pipelineThread = Environment.CurrentManagedThreadId;
    private readonly bool _verboseWanted;
    private readonly ConcurrentQueue<Action> _waiting = new ConcurrentQueue<Action>();
    private ActionQueue? _pending;

    public PipelineBridge(PSCmdlet cmdlet)
    {
        _cmdlet = cmdlet;
        _verboseWanted = VerbosePreference.IsWanted(cmdlet);
    }

    public T Run<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var pending = new ActionQueue();
        ActionQueue? outer = Interlocked.Exchange(ref _pending, pending);
        try
        {
            WriteWaiting();
            Task<T> task = StartHere(work, cancellationToken);
            if (task.IsCompleted) pending.Close();
            else task.ContinueWith(_ => pending.Close(), CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
            Exception? failed = null;
            while (pending.TryTake(out Action? action))
            {
                // A write that throws (the pipeline stopping) must not leave the work unwatched: drain to the end.
                if (failed is not null) continue;
                try
                {
                    action!();
                }
                catch (Exception e)
                {
                    failed = e;
                }
            }

            if (failed is null)
            {
                try
                {
                    WriteWaiting(); // what came after the last of this call's queue closed
                }
                catch (Exception e)
                {
                    failed = e;
                }
            }

            T result = task.GetAwaiter().GetResult();
            if (failed is not null) ExceptionDispatchInfo.Capture(failed).Throw();
            return result;
        }
        finally
        {
            Volatile.Write(ref _pending, outer);
        }
    }

    public void Output(object item) => Post(() => _cmdlet.WriteObject(item));

    public void Error(ErrorRecord record) => Post(() => _cmdlet.WriteError(record));

    /// <summary>Not queued when the command writes no verbose text: that would wake the pipeline thread for nothing.</summary>
    public void Verbose(string message)
    {
        if (_verboseWanted) Post(() => _cmdlet.WriteVerbose(message));
    }

    public void Warning(string message) => Post(() => _cmdlet.WriteWarning(message));

    public void Debug(string message) => Post(() => _cmdlet.WriteDebug(message));

    public void Information(string message) => Post(() => _cmdlet.WriteInformation(message, new[] { "MessagingProvider" }));

    public void Progress(OperationProgress progress)
    {
        var record = new ProgressRecord(progress.Id, progress.Activity, progress.Status)
        {
            PercentComplete = progress.PercentComplete,
            RecordType = progress.Completed ? ProgressRecordType.Completed : ProgressRecordType.Processing,
        };
        Post(() => _cmdlet.WriteProgress(record));
    }

    /// <summary>ShouldProcess from any thread: a worker waits for the pipeline thread's answer.</summary>
    public bool ShouldProcess(string target, string action) => Ask(() => _cmdlet.ShouldProcess(target, action));

    /// <summary>
    /// Runs <paramref name="work"/> on this thread up to its first incomplete wait, with no
    /// synchronization context (a host's would be blocked by this thread's wait in <see cref="Run{T}"/>).
    /// </summary>
    private static Task<T> StartHere<T>(Func<CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested) return Task.FromCanceled<T>(cancellationToken);
        SynchronizationContext? context = SynchronizationContext.Current;
        SynchronizationContext.SetSynchronizationContext(null);
        try
        {
            return work(cancellationToken);
        }
        catch (Exception e)
        {
            return Task.FromException<T>(e);
        }
        finally
        {
            SynchronizationContext.SetSynchronizationContext(context);
        }
    }

    private T Ask<T>(Func<T> question)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread) return question();
        var answer = new TaskCompletionSource<T>(TaskCreationOptions.RunContinuationsAsynchronously);
        bool queued = Post(mayWait: false, () =>
        {
            try
            {
                answer.SetResult(question());
            }
            catch (Exception e)
            {
                answer.SetException(e);
            }
        });
        if (!queued) throw new InvalidOperationException("A question to the pipeline was asked from another thread outside PipelineBridge.Run.");
        return answer.Task.GetAwaiter().GetResult();
    }

    private bool Post(Action action) => Post(mayWait: true, action);

    /// <summary>
    /// Runs at once on the pipeline thread, else queues for it: to the running call, or, when none
    /// runs and <paramref name="mayWait"/>, until the next call starts.
    /// </summary>
    private bool Post(bool mayWait, Action action)
    {
        if (Environment.CurrentManagedThreadId == _pipelineThread)
        {
            action();
            return true;
        }

        ActionQueue? pending = Volatile.Read(ref _pending);
        if (pending is not null && pending.TryAdd(action)) return true;

        if (!mayWait) return false;
        _waiting.Enqueue(action);
        return true;
    }

    /// <summary>On the pipeline thread: writes what work sent while no call ran.</summary>
    private void WriteWaiting()
    {
        while (_waiting.TryDequeue(out Action? action)) action();
    }
}

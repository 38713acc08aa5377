using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Cloud;

/// <summary>
/// Runs a cloud client's async work off the calling thread and makes the messages it reports
/// (verbose, warnings) on the thread that waits for it, in order: a cmdlet may write only from
/// its pipeline thread, and the clients continue on thread-pool threads.
/// </summary>
public sealed class CallingThreadRelay
{
    private BlockingCollection<Action>? _pending;

    /// <summary>A callback for the client: queued while <see cref="Run{T}"/> waits, else made at once.</summary>
    public Action<string> Wrap(Action<string>? target) => message =>
    {
        if (target is null) return;
        BlockingCollection<Action>? pending = Volatile.Read(ref _pending);
        if (pending is null || !TryQueue(pending, () => target(message))) target(message);
    };

    public T Run<T>(Func<Task<T>> work)
    {
        using var pending = new BlockingCollection<Action>();
        Volatile.Write(ref _pending, pending);
        try
        {
            Task<T> task = Task.Run(async () =>
            {
                try
                {
                    return await work().ConfigureAwait(false);
                }
                finally
                {
                    pending.CompleteAdding();
                }
            });
            Exception? failed = null;
            foreach (Action message in pending.GetConsumingEnumerable())
            {
                // A callback that throws (the pipeline stopping) must not leave the work unwatched.
                if (failed is not null) continue;
                try
                {
                    message();
                }
                catch (Exception e)
                {
                    failed = e;
                }
            }

            T result = task.GetAwaiter().GetResult();
            if (failed is not null) throw failed;
            return result;
        }
        finally
        {
            Volatile.Write(ref _pending, null);
        }
    }

    private static bool TryQueue(BlockingCollection<Action> pending, Action message)
    {
        try
        {
            return pending.TryAdd(message);
        }
        catch (InvalidOperationException)
        {
            return false; // completed or disposed (ObjectDisposedException): the work has ended
        }
    }
}

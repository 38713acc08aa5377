using System;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Threading;

namespace MessagingProvider.Connections;

/// <summary>
/// A thread of its own for one sending connection: the connection's async work runs here, and
/// <see cref="PolledSocketStream"/> waits for the server on it with poll() instead of handing each
/// reply to the thread pool. Work that resumed elsewhere (a draft handed over by the renderer, a
/// DNS lookup, a back-off delay) comes back with <see cref="SwitchTo"/> or <see cref="ComeBack"/>.
/// The thread ends with the work.
/// </summary>
public sealed class ConnectionThread
{
    [ThreadStatic]
    private static bool _onConnectionThread;

    // The connection thread of the async flow that runs now, wherever it resumed (see ComeBack).
    private static readonly AsyncLocal<ConnectionThread?> Flow = new AsyncLocal<ConnectionThread?>();

    private readonly ActionQueue _continuations = new ActionQueue();
    private volatile int _managedThreadId;

    private ConnectionThread()
    {
    }

    /// <summary>True on a connection thread: a socket wait may block it.</summary>
    public static bool IsCurrent => _onConnectionThread;

    /// <summary>Starts <paramref name="work"/> on a new connection thread; the task ends with it.</summary>
    public static Task Run(Func<ConnectionThread, Task> work, string name)
    {
        var thread = new ConnectionThread();
        var done = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        thread.Post(() =>
        {
            Task task;
            try
            {
                Flow.Value = thread;
                task = work(thread);
            }
            catch (Exception e)
            {
                task = Task.FromException(e);
            }

            task.ContinueWith(t =>
            {
                thread._continuations.Close();
                if (t.IsFaulted) done.TrySetException(t.Exception!.InnerExceptions);
                else if (t.IsCanceled) done.TrySetCanceled();
                else done.TrySetResult(true);
            }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        });
        new Thread(thread.Loop) { IsBackground = true, Name = name }.Start();
        return done.Task;
    }

    /// <summary>Continues on this connection thread (at once when already on it).</summary>
    public SwitchAwaitable SwitchTo() => new SwitchAwaitable(this);

    /// <summary>Back to the connection thread the current async flow started on, if any (after a wait that resumed on the thread pool).</summary>
    public static SwitchAwaitable ComeBack() => new SwitchAwaitable(Flow.Value);

    /// <summary>Runs <paramref name="continuation"/> on this thread; on the pool once the thread has ended (nothing is dropped).</summary>
    private void Post(Action continuation)
    {
        if (!_continuations.TryAdd(continuation)) Task.Run(continuation);
    }

    private void Loop()
    {
        _onConnectionThread = true;
        _managedThreadId = Environment.CurrentManagedThreadId;
        while (_continuations.TryTake(out Action? next)) next!();
    }

    public readonly struct SwitchAwaitable : INotifyCompletion
    {
        private readonly ConnectionThread? _thread;

        public SwitchAwaitable(ConnectionThread? thread) => _thread = thread;

        public SwitchAwaitable GetAwaiter() => this;

        /// <summary>Also true when there is no connection thread to go back to.</summary>
        public bool IsCompleted => _thread is null || Environment.CurrentManagedThreadId == _thread._managedThreadId;

        public void OnCompleted(Action continuation) => _thread!.Post(continuation);

        public void GetResult()
        {
        }
    }
}

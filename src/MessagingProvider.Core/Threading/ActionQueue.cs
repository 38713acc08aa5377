using System;
using System.Collections.Generic;
using System.Threading;

namespace MessagingProvider.Threading;

/// <summary>
/// Actions other threads hand to one consuming thread, which sleeps on a monitor while none wait:
/// the cmdlet bridge's writes for the pipeline thread, a connection thread's continuations. A
/// spinning wait (BlockingCollection's) took about a tenth of the CPU a loopback send needs per
/// message, CPU a local mail server or the connections needed more (issue 15's benchmark).
/// </summary>
public sealed class ActionQueue
{
    private readonly object _sync = new object();
    private readonly Queue<Action> _actions = new Queue<Action>();
    private bool _closed;

    /// <summary>False once closed: the consumer has stopped taking.</summary>
    public bool TryAdd(Action action)
    {
        lock (_sync)
        {
            if (_closed) return false;
            _actions.Enqueue(action);
            if (_actions.Count == 1) Monitor.Pulse(_sync);
            return true;
        }
    }

    /// <summary>No more come: <see cref="TryTake"/> returns false once the queue is empty.</summary>
    public void Close()
    {
        lock (_sync)
        {
            _closed = true;
            Monitor.Pulse(_sync);
        }
    }

    /// <summary>Waits for the next action; false when closed and empty.</summary>
    public bool TryTake(out Action? action)
    {
        lock (_sync)
        {
            while (_actions.Count == 0 && !_closed) Monitor.Wait(_sync);
            action = _actions.Count > 0 ? _actions.Dequeue() : null;
            return action is not null;
        }
    }
}

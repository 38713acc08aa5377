using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Remoting;
using System.Management.Automation.Runspaces;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Exchange.Remoting;

/// <summary>
/// One remote PowerShell session to one Exchange server, opened on first use and reused for
/// every command of the cmdlet invocation. Transport problems become
/// <see cref="ExchangeConnectionException"/>; errors Exchange reports come back as error records.
/// </summary>
internal sealed class ExchangeSession : IDisposable
{
    // The open wait is bounded by the connection's own OpenTimeout: a server that accepts the
    // connection and then never answers is not always caught by the transport (named pipes on
    // Linux are not). Commands get a margin over OperationTimeout so the engine reports first.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(2);

    private readonly Func<RunspaceConnectionInfo> _connectionInfo;
    private Runspace? _runspace;

    public ExchangeSession(string server, Func<RunspaceConnectionInfo> connectionInfo)
    {
        Server = server;
        _connectionInfo = connectionInfo;
    }

    public string Server { get; }

    public bool IsOpen => _runspace is not null && _runspace.RunspaceStateInfo.State == RunspaceState.Opened;

    public async Task<ExchangeRunResult> InvokeAsync(ExchangeCommand command, CancellationToken cancellationToken)
    {
        Runspace runspace = await OpenAsync(cancellationToken).ConfigureAwait(false);
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = runspace;
        ps.AddCommand(command.Name);
        foreach (KeyValuePair<string, object?> parameter in command.Parameters) ps.AddParameter(parameter.Key, parameter.Value);

        Task<PSDataCollection<PSObject>> invoking;
        try
        {
            invoking = Task.Factory.FromAsync(ps.BeginInvoke(), ps.EndInvoke);
        }
        catch (Exception e) when (IsTransport(e, runspace))
        {
            throw new ExchangeConnectionException(Describe(e), mayHaveRun: false, e);
        }

        TimeSpan limit = TimeSpan.FromMilliseconds(runspace.ConnectionInfo.OperationTimeout) + Margin;
        if (!await Within(invoking, limit, cancellationToken).ConfigureAwait(false))
        {
            _ = invoking.ContinueWith(t => t.Exception, TaskScheduler.Default); // a stopped pipeline's end is nobody's
            StopQuietly(ps);
            Abandon();
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExchangeConnectionException($"no answer within {limit.TotalSeconds:0} s", mayHaveRun: true);
        }

        List<PSObject> output;
        var errors = new List<ErrorRecord>();
        try
        {
            output = (await invoking.ConfigureAwait(false)).ToList();
        }
        catch (Exception e) when (IsTransport(e, runspace))
        {
            throw new ExchangeConnectionException(Describe(e), mayHaveRun: true, e);
        }
        catch (RuntimeException e)
        {
            // A terminating error from Exchange: the command ran (or was refused) on a working session.
            output = new List<PSObject>();
            errors.Add(e.ErrorRecord);
        }

        if (IsBroken(runspace))
        {
            Exception? reason = runspace.RunspaceStateInfo.Reason;
            throw new ExchangeConnectionException(reason is null ? "the session broke" : Describe(reason), mayHaveRun: true, reason);
        }

        errors.AddRange(ps.Streams.Error);
        return new ExchangeRunResult(Server, output, errors);
    }

    private async Task<Runspace> OpenAsync(CancellationToken cancellationToken)
    {
        if (_runspace is not null && _runspace.RunspaceStateInfo.State == RunspaceState.Opened) return _runspace;
        Abandon();

        RunspaceConnectionInfo info = _connectionInfo();
        Runspace runspace;
        try
        {
            runspace = RunspaceFactory.CreateRunspace(info);
        }
        catch (Exception e) when (!(e is OperationCanceledException))
        {
            throw new ExchangeConnectionException(Describe(e), mayHaveRun: false, e);
        }

        _runspace = runspace;
        var settled = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        runspace.StateChanged += (_, args) =>
        {
            if (args.RunspaceStateInfo.State != RunspaceState.Opening) settled.TrySetResult(true);
        };
        try
        {
            runspace.OpenAsync();
        }
        catch (Exception e) when (!(e is OperationCanceledException))
        {
            Abandon();
            throw new ExchangeConnectionException(Describe(e), mayHaveRun: false, e);
        }

        TimeSpan limit = TimeSpan.FromMilliseconds(info.OpenTimeout);
        bool answered = await Within(settled.Task, limit, cancellationToken).ConfigureAwait(false);
        RunspaceStateInfo state = runspace.RunspaceStateInfo;
        if (!answered)
        {
            Abandon();
            cancellationToken.ThrowIfCancellationRequested();
            throw new ExchangeConnectionException($"the session did not open within {limit.TotalSeconds:0} s", mayHaveRun: false);
        }

        if (state.State != RunspaceState.Opened)
        {
            Abandon();
            throw new ExchangeConnectionException(state.Reason is null ? $"the session is {state.State}" : Describe(state.Reason), mayHaveRun: false, state.Reason);
        }

        return runspace;
    }

    public void Close()
    {
        Runspace? runspace = _runspace;
        _runspace = null;
        if (runspace is null) return;
        try
        {
            // Dispose closes the remote session; a dead server must not hold up the caller.
            runspace.Dispose();
        }
        catch (Exception)
        {
            // Closing a broken session fails by nature; there is nothing left to release.
        }
    }

    public void Dispose() => Close();

    /// <summary>
    /// Lets go of a session to a server that hangs or dropped: closing it politely would wait for
    /// the same dead server (a minute and more), so it is closed in the background.
    /// </summary>
    public void Abandon()
    {
        Runspace? runspace = _runspace;
        _runspace = null;
        if (runspace is null) return;
        ThreadPool.QueueUserWorkItem(_ =>
        {
            try
            {
                runspace.Dispose();
            }
            catch (Exception)
            {
                // Closing a broken session fails by nature; there is nothing left to release.
            }
        });
    }

    /// <summary>True when <paramref name="work"/> ended within <paramref name="limit"/>; false on timeout or stop.</summary>
    private static async Task<bool> Within(Task work, TimeSpan limit, CancellationToken cancellationToken)
    {
        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        Task first = await Task.WhenAny(work, Task.Delay(limit, timer.Token)).ConfigureAwait(false);
        timer.Cancel();
        return first == work;
    }

    private static void StopQuietly(PowerShell ps)
    {
        try
        {
            ps.BeginStop(null, null);
        }
        catch (Exception)
        {
            // Stopping a pipeline on a broken session fails; the session is closed next anyway.
        }
    }

    private static bool IsBroken(Runspace runspace) =>
        runspace.RunspaceStateInfo.State == RunspaceState.Broken || runspace.RunspaceStateInfo.State == RunspaceState.Closed;

    private static bool IsTransport(Exception e, Runspace runspace) =>
        e is PSRemotingTransportException || e is PSRemotingDataStructureException || e is InvalidRunspaceStateException ||
        (e is RuntimeException && IsBroken(runspace));

    private static string Describe(Exception e)
    {
        string message = e.Message.Trim();
        int newline = message.IndexOf('\n');
        return newline < 0 ? message : message.Substring(0, newline).Trim();
    }
}

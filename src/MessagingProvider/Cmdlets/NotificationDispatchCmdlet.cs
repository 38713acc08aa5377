using System;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;
using MessagingProvider.Smtp;

namespace MessagingProvider.Commands.Cmdlets;

/// <summary>
/// Shared by Send-Notification and Send-QueuedNotification: one <see cref="NotificationDispatcher"/>
/// per identity store for the whole pipeline, the queue's due messages sent once before new
/// ones, results with throttled progress, warnings about the transport, and the rule that only
/// configuration problems stop the command.
/// </summary>
public abstract class NotificationDispatchCmdlet : IdentityStoreCmdlet
{
    private readonly Dictionary<string, NotificationDispatcher> _dispatchers = new Dictionary<string, NotificationDispatcher>(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, ParallelDispatch> _parallel = new Dictionary<string, ParallelDispatch>(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _backlogSent = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
    private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
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

    /// <summary>The store's parallel run (-MaxConnection 2 or more), started on first use.</summary>
    protected ParallelDispatch Parallel(NotificationDispatcher dispatcher)
    {
        string name = dispatcher.Outbox.IdentityStore;
        if (!_parallel.TryGetValue(name, out ParallelDispatch? parallel))
        {
            parallel = dispatcher.StartParallel(MaxConnection, WriteCoreError, WriteResult, CancellationToken);
            _parallel[name] = parallel;
        }

        return parallel;
    }

    /// <summary>Writes what the parallel runs reported so far (all of it, waiting, with <paramref name="untilDone"/>).</summary>
    protected void PumpParallel(bool untilDone)
    {
        MessagingProviderException? fatal = null;
        TryRun(() =>
        {
            foreach (ParallelDispatch parallel in _parallel.Values)
            {
                try
                {
                    parallel.Pump(untilDone);
                }
                catch (MessagingProviderException e)
                {
                    fatal ??= e;
                }
            }
        });
        if (fatal is not null) ThrowCoreError(fatal);
    }

    protected NotificationDispatcher Dispatcher(string name)
    {
        if (_dispatchers.TryGetValue(name, out NotificationDispatcher? existing)) return existing;
        IdentityStoreDocument document = Store.Get(name);
        var options = new DispatchOptions { MaxAttempts = MaxAttempts == 0 ? null : MaxAttempts, RetryDelay = RetryDelay, Verbose = WriteVerbose };
        var dispatcher = new NotificationDispatcher(Store, document, options);
        dispatcher.TransportCreated += transport => Announce(document, transport);
        _dispatchers[name] = dispatcher;
        return dispatcher;
    }

    /// <summary>What an earlier run left due goes before this run's first new message.</summary>
    protected void SendBacklogOnce(NotificationDispatcher dispatcher)
    {
        if (!_backlogSent.Add(dispatcher.Outbox.IdentityStore)) return;
        foreach (NotificationResult result in dispatcher.SendDue(WriteCoreError, CancellationToken)) WriteResult(result);
    }

    protected void WriteCoreError(MessagingProviderException e) => WriteError(ErrorRecords.From(e));

    protected void WriteResult(NotificationResult result)
    {
        if (result.Status == NotificationStatus.Sent)
        {
            WriteVerbose($"Sent '{result.Subject}' through {result.Transport} ({result.ServerReply}){(result.PossibleDuplicate ? "; the server may have it twice (same Message-ID)" : "")}.");
        }

        WriteObject(result);
        _processed++;
        // Throttled: a progress record per message would cost more than the message on fast servers.
        if (_sinceProgress.ElapsedMilliseconds >= 500)
        {
            _sinceProgress.Restart();
            WriteProgress(new ProgressRecord(1, "Sending notifications", $"{_processed} processed") { RecordType = ProgressRecordType.Processing });
        }
    }

    private void Announce(IdentityStoreDocument document, INotificationTransport transport)
    {
        WriteVerbose($"Notifications of '{document.Name}' go through {transport.Description} as {transport.From} (delivery method {transport.Method}).");
        if (transport.Method == NotificationDeliveryMethod.Smtp && document.Smtp!.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(document.Smtp.Server));
        if (transport.Method == NotificationDeliveryMethod.Smtp && SmtpTransportSecurity.PlainTextWarning(document.Smtp!.Security, document.Smtp.Authentication, document.Smtp.Server, document.Smtp.Port) is { } plainText) WriteWarning(plainText);
        if (transport.Method == NotificationDeliveryMethod.EntraSmtpClient && document.EntraSmtpClient!.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(document.EntraSmtpClient.SmartHost));
    }

    protected override void EndProcessing()
    {
        PumpParallel(untilDone: true);
        WriteProgress(new ProgressRecord(1, "Sending notifications", "Done") { RecordType = ProgressRecordType.Completed });
        DisposeDispatchers();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeDispatchers();
        base.Dispose(disposing);
    }

    private void DisposeDispatchers()
    {
        foreach (ParallelDispatch parallel in _parallel.Values) parallel.Dispose();
        _parallel.Clear();
        foreach (NotificationDispatcher dispatcher in _dispatchers.Values) dispatcher.Dispose();
        _dispatchers.Clear();
    }
}

using System;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Output;

namespace MessagingProvider.Commands;

/// <summary>
/// Sends what is due in an identity store's outbox (messages Pending, Deferred or Uncertain whose
/// next try time has come; with -Force all of them), with the same connection, retry and
/// error rules as Send-Notification. One result per outbox entry.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "QueuedNotification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NotificationResult))]
public sealed class SendQueuedNotificationCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly NotificationDispatchSession _session = new NotificationDispatchSession();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _session };

    /// <summary>Also messages whose next try time has not come yet.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        MessagingProviderException? fatal = null;
        TryRun(() =>
        {
            if (!ShouldProcess(IdentityStore, Force ? "Send every queued notification" : "Send the queued notifications that are due")) return;
            NotificationDispatcher dispatcher = _session.Dispatcher(Streams, WriteObjectFromWork, WriteErrorFromWork, Store, IdentityStore);
            try
            {
                if (_session.SendsInParallel)
                {
                    _session.Parallel(dispatcher, CancellationToken).SendDue(Force);
                    return;
                }

                bool force = Force;
                RunAsync((streams, token) => dispatcher.SendDueAsync(_session.WriteResult, _session.WriteCoreError, token, force));
            }
            catch (MessagingProviderException e)
            {
                fatal = e;
            }
        });
        if (fatal is not null) ThrowCoreError(fatal);
    }

    protected override void EndProcessing()
    {
        RunOrStop(() => RunAsync((streams, token) => _session.CompleteAsync()));
    }
}

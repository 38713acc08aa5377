using System;
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
public sealed class SendQueuedNotificationCommand : NotificationDispatchCmdlet
{
    /// <summary>Also messages whose next try time has not come yet.</summary>
    [Parameter]
    public SwitchParameter Force { get; set; }

    protected override void ProcessRecord()
    {
        MessagingProviderException? fatal = null;
        TryRun(() =>
        {
            if (!ShouldProcess(IdentityStore, Force ? "Send every queued notification" : "Send the queued notifications that are due")) return;
            NotificationDispatcher dispatcher = Dispatcher(IdentityStore);
            try
            {
                if (MaxConnection > 1)
                {
                    Parallel(dispatcher).SendDue(Force);
                    return;
                }

                foreach (NotificationResult result in dispatcher.SendDue(WriteCoreError, CancellationToken, Force)) WriteResult(result);
            }
            catch (MessagingProviderException e)
            {
                fatal = e;
            }
        });
        if (fatal is not null) ThrowCoreError(fatal);
    }
}

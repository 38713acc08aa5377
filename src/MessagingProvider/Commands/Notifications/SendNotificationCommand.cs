using System;
using System.Collections.Generic;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Output;
using MessagingProvider.Readiness;

namespace MessagingProvider.Commands;

/// <summary>
/// Sends the notification of an event about each piped directory object (or each due
/// notification from Get-DueNotification). Recipients come from the policy plus -To/-Cc. Each
/// message is rendered and committed to the store's outbox before anything goes on the network;
/// what was due in the outbox is sent first. Core's <see cref="NotificationDispatcher"/> does the
/// work; this cmdlet binds, asks ShouldProcess and writes results and errors. -WhatIf shows what
/// would be sent, queues nothing and connects to nothing.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "Notification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NotificationResult))]
public sealed class SendNotificationCommand : IdentityStoreCmdlet, IDynamicParameters
{
    private readonly NotificationEventParameters _event = new NotificationEventParameters();
    private readonly NotificationDispatchSession _session = new NotificationDispatchSession();

    protected override IReadOnlyList<object> SharedParameters => new object[] { _event, _session };

    private readonly List<ReadinessFinding> _findings = new List<ReadinessFinding>();

    protected override void ProcessRecord()
    {
        BindSharedParameters();
        if (_event.Event == NotificationEvent.ReadinessFindings)
        {
            // All findings of the run go out together, in EndProcessing.
            if ((_event.InputObject is PSObject p ? p.BaseObject : _event.InputObject) is ReadinessFinding finding) _findings.Add(finding);
            else WriteError(ErrorRecords.Create(ErrorIds.ReadinessFindingExpected, ErrorCategory.InvalidArgument,
                "-Event ReadinessFindings sends the findings of Test-MessagingReadiness: pipe its output (Test-MessagingReadiness | Send-Notification -Event ReadinessFindings …).", _event.InputObject));
            return;
        }

        NotificationRequest? request = null;
        if (TryRun(() => request = _event.ToRequest())) Send(request!);
    }

    protected override void EndProcessing()
    {
        if (_findings.Count > 0) TryRun(() => Send(ReadinessNotification.Build(_findings, RecipientAddresses.Parse(_event.To, "To"), RecipientAddresses.Parse(_event.Cc, "Cc"))));
        RunOrStop(() => RunAsync((streams, token) => _session.CompleteAsync()));
    }

    private void Send(NotificationRequest request)
    {
        MessagingProviderException? fatal = null;
        TryRun(() =>
        {
            NotificationDispatcher dispatcher = _session.Dispatcher(Streams, WriteObjectFromWork, WriteErrorFromWork, Store, IdentityStore);
            try
            {
                NotificationDraft draft = dispatcher.Prepare(request);
                NotificationResult result = draft.Summary;
                foreach (string skipped in result.SkippedRecipients) WriteVerbose($"Not notified: {skipped}.");
                if (draft.IsSkipped)
                {
                    WriteVerbose($"{request.Event} for {result.Object}: nothing sent, {result.Reason}.");
                    WriteObject(result);
                    return;
                }

                if (!ShouldProcess(Describe(result), $"Send notification '{result.Subject}' through {result.Transport} (template and language per recipient: {string.Join(" | ", result.Templates)})"))
                {
                    result.Status = NotificationStatus.Skipped;
                    result.Reason = "-WhatIf";
                    WriteObject(result);
                    return;
                }

                // Committed first (claimed by this run, so the backlog leaves it alone): a stop on the way keeps it queued.
                dispatcher.Enqueue(draft);
                // The connection sends while this thread renders and commits the next record's message.
                RunAsync(async (streams, token) =>
                {
                    await _session.SendBacklogOnceAsync(dispatcher, token).ConfigureAwait(false);
                    await _session.Parallel(dispatcher, token).PostAsync(draft).ConfigureAwait(false);
                });
            }
            catch (MessagingProviderException e)
            {
                // The dispatcher throws only what no retry mends (no server, 535, the outbox unusable).
                fatal = e;
            }
        });

        // No server, a refused password…: no message can go. Stop once; what was rendered stays queued.
        if (fatal is not null) ThrowCoreError(fatal);
    }

    private static string Describe(NotificationResult result) =>
        $"To: {string.Join("; ", result.To)}{(result.Cc.Length > 0 ? " Cc: " + string.Join("; ", result.Cc) : "")}{(result.Bcc.Length > 0 ? $" Bcc: {result.Bcc.Length} role-based recipient(s)" : "")}";
}

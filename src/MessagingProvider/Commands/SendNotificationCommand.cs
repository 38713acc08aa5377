using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Smtp;
using MessagingProvider.Commands.Infrastructure;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Delivery;
using MessagingProvider.Output;
using MimeKit;

namespace MessagingProvider.Commands;

/// <summary>
/// Sends the notification of an event about each piped directory object (or each due
/// notification from Get-DueNotification). Recipients come from the policy plus -To/-Cc. All
/// messages of one identity store go through the transport its delivery method names (one SMTP
/// connection opened on first use, or Microsoft Graph with one token); each message yields a
/// result as soon as it is sent. -WhatIf shows what would be sent and connects to nothing.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "Notification", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(NotificationResult))]
public sealed class SendNotificationCommand : IdentityStoreCmdlet
{
    private readonly Dictionary<string, (IdentityStoreDocument Document, INotificationTransport Transport)> _stores = new Dictionary<string, (IdentityStoreDocument, INotificationTransport)>(StringComparer.OrdinalIgnoreCase);
    private readonly System.Diagnostics.Stopwatch _sinceProgress = System.Diagnostics.Stopwatch.StartNew();
    private int _processed;

    [Parameter(Mandatory = true, Position = 1, ValueFromPipelineByPropertyName = true)]
    public NotificationEvent Event { get; set; }

    /// <summary>The group or user the event is about: AD objects, [pscustomobject]s, hashtables, or addresses.</summary>
    [Parameter(Mandatory = true, Position = 2, ValueFromPipeline = true)]
    [ValidateNotNull]
    public object InputObject { get; set; } = null!;

    /// <summary>Members added/removed, or the temporary member / additional owner of a life-cycle event.</summary>
    [Parameter]
    public object[]? Member { get; set; }

    /// <summary>Who made the change (notified when the policy says so and it is a mail-enabled user).</summary>
    [Parameter]
    public object? ChangedBy { get; set; }

    [Parameter]
    public DateTime? ExpirationDate { get; set; }

    [Parameter]
    public string[]? To { get; set; }

    [Parameter]
    public string[]? Cc { get; set; }

    [Parameter]
    [ValidateRange(1, 20)]
    public int MaxAttempts { get; set; } = 4;

    /// <summary>First back-off after a 4xx reply; doubled for each further attempt.</summary>
    [Parameter]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    protected override void ProcessRecord()
    {
        MessagingProviderException? deliveryFailure = null;
        TryRun(() =>
        {
            NotificationRequest request = BuildRequest();
            var (document, transport) = Load(IdentityStore);
            NotificationResult result;
            try
            {
                result = Send(document, transport, request);
            }
            catch (DeliveryUnavailableException e)
            {
                deliveryFailure = e.Failure;
                return;
            }

            WriteObject(result);
            _processed++;
            // Throttled: a progress record per message would cost more than the message on fast servers.
            if (_sinceProgress.ElapsedMilliseconds >= 500)
            {
                _sinceProgress.Restart();
                WriteProgress(new ProgressRecord(1, "Sending notifications", $"{_processed} processed") { RecordType = ProgressRecordType.Processing });
            }
        });

        // No connection or sign-in (DNS, TLS, AUTH, Entra ID…) means no message can go: stop once instead of failing every record.
        if (deliveryFailure is not null) ThrowCoreError(deliveryFailure);
    }

    protected override void EndProcessing()
    {
        WriteProgress(new ProgressRecord(1, "Sending notifications", "Done") { RecordType = ProgressRecordType.Completed });
        DisposeTransports();
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing) DisposeTransports();
        base.Dispose(disposing);
    }

    private void DisposeTransports()
    {
        foreach (var (_, transport) in _stores.Values) transport.Dispose();
        _stores.Clear();
    }

    private NotificationRequest BuildRequest()
    {
        object input = InputObject is PSObject pso ? pso.BaseObject : InputObject;
        var request = new NotificationRequest
        {
            Event = Event,
            ChangedBy = ChangedBy is null ? null : DirectoryObjectReader.Read(ChangedBy),
            ExpirationDate = ExpirationDate,
            To = RecipientAddresses.Parse(To, "To"),
            Cc = RecipientAddresses.Parse(Cc, "Cc"),
        };
        if (input is DueNotification due)
        {
            request.Target = DirectoryObjectReader.Read(due.Object);
            if (due.Member is not null) request.Members.Add(DirectoryObjectReader.Read(due.Member));
            request.ExpirationDate = due.ExpirationDate;
            request.DaysLeft = due.DaysLeft;
        }
        else
        {
            request.Target = DirectoryObjectReader.Read(InputObject);
        }

        foreach (object member in Member ?? Array.Empty<object>()) request.Members.Add(DirectoryObjectReader.Read(member));
        return request;
    }

    private (IdentityStoreDocument, INotificationTransport) Load(string name)
    {
        if (_stores.TryGetValue(name, out var loaded)) return loaded;
        IdentityStoreDocument document = Store.Get(name);
        INotificationTransport transport = NotificationTransportFactory.Create(Store, document, new NotificationTransportOptions
        {
            MaxAttempts = MaxAttempts,
            RetryDelay = RetryDelay,
            Verbose = WriteVerbose,
        });
        loaded = (document, transport);
        _stores[name] = loaded;
        WriteVerbose($"Notifications of '{document.Name}' go through {transport.Description} as {transport.From} (delivery method {transport.Method}).");
        if (transport.Method == NotificationDeliveryMethod.Smtp && document.Smtp!.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(document.Smtp.Server));
        if (transport.Method == NotificationDeliveryMethod.Smtp && SmtpTransportSecurity.PlainTextWarning(document.Smtp!.Security, document.Smtp.Authentication, document.Smtp.Server, document.Smtp.Port) is { } plainText) WriteWarning(plainText);
        if (transport.Method == NotificationDeliveryMethod.EntraSmtpClient && document.EntraSmtpClient!.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(document.EntraSmtpClient.SmartHost));
        return loaded;
    }

    private NotificationResult Send(IdentityStoreDocument document, INotificationTransport transport, NotificationRequest request)
    {
        var result = new NotificationResult { IdentityStore = document.Name, Event = request.Event.ToString(), Object = request.Target.ToString(), Transport = transport.Method };
        ResolvedRecipients recipients = RecipientResolver.Resolve(request, document.Notifications);
        result.SkippedRecipients = recipients.Skipped.ToArray();
        foreach (string skipped in recipients.Skipped) WriteVerbose($"Not notified: {skipped}.");
        if (recipients.Suppressed is not null || recipients.IsEmpty)
        {
            result.Status = NotificationStatus.Skipped;
            result.Reason = recipients.Suppressed ?? "nobody to notify: no fixed recipients and no role-based recipient with a mail address";
            WriteVerbose($"{request.Event} for {result.Object}: nothing sent, {result.Reason}.");
            return result;
        }

        MimeMessage message = NotificationRenderer.Render(document.Name, transport.From, request, recipients, document.Notifications);
        result.Subject = message.Subject;
        result.To = recipients.To.ToArray();
        result.Cc = recipients.Cc.ToArray();
        // Graph writes its own Message-ID; only SMTP sends the one rendered here.
        result.MessageId = transport.Method == NotificationDeliveryMethod.Smtp ? message.MessageId : null;
        string description = $"To: {string.Join("; ", result.To)}{(result.Cc.Length > 0 ? " Cc: " + string.Join("; ", result.Cc) : "")}";
        if (!ShouldProcess(description, $"Send notification '{message.Subject}' through {transport.Method}"))
        {
            result.Status = NotificationStatus.Skipped;
            result.Reason = "-WhatIf";
            return result;
        }

        SendOutcome outcome;
        try
        {
            outcome = transport.Send(message, CancellationToken);
        }
        catch (MessagingProviderException e)
        {
            throw new DeliveryUnavailableException(e);
        }

        result.Attempts = outcome.Attempts;
        result.ServerReply = outcome.ServerReply;
        if (outcome.Sent)
        {
            result.Status = NotificationStatus.Sent;
            WriteVerbose($"Sent '{message.Subject}' to {description} through {transport.Method} ({outcome.ServerReply}).");
        }
        else
        {
            result.Status = NotificationStatus.Failed;
            result.Reason = outcome.Failure!.Message;
            WriteError(ErrorRecords.From(outcome.Failure));
        }

        return result;
    }

    /// <summary>The transport itself failed (connection, sign-in): no later message can go either.</summary>
    private sealed class DeliveryUnavailableException : Exception
    {
        public DeliveryUnavailableException(MessagingProviderException failure)
            : base(failure.Message, failure) => Failure = failure;

        public MessagingProviderException Failure { get; }
    }
}

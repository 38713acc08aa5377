using System;
using System.Management.Automation;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.MailAccounts;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Commands;

/// <summary>
/// Logs in to a mail account's server with its stored login: IMAP for receiving (folders and
/// unread count), SMTP for sending (authentication, or a test message with -To). Writes a staged
/// result; a failed test is also a non-terminating error, so -ErrorAction Stop works in scripts.
/// </summary>
[Cmdlet(VerbsDiagnostic.Test, "MailAccount")]
[OutputType(typeof(MailAccountTestResult))]
public sealed class TestMailAccountCommand : IdentityStoreCmdlet
{
    [Parameter(Mandatory = true, Position = 1, ValueFromPipeline = true, ValueFromPipelineByPropertyName = true)]
    [ValidateNotNullOrEmpty]
    public string EmailAddress { get; set; } = "";

    [Parameter]
    public SwitchParameter Receive { get; set; }

    [Parameter]
    public SwitchParameter Send { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string? To { get; set; }

    [Parameter]
    [ValidateNotNullOrEmpty]
    public string[]? TrustedCertificateThumbprint { get; set; }

    [Parameter]
    [ValidateRange(1, 300)]
    public int TimeoutSeconds { get; set; } = 30;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            IdentityStoreDocument document = Store.Get(IdentityStore);
            MailAccountEntry account = MailAccountChanges.Find(document.Mail, EmailAddress);
            MailServerEntry server = MailServerChanges.Find(document.Mail, account.MailServer);
            bool chosen = Receive || Send || To is not null;
            var request = new MailAccountTestRequest
            {
                Receive = chosen ? Receive.IsPresent : server.Receive,
                Send = chosen ? Send.IsPresent || To is not null : server.Send,
                To = To is null ? null : EmailAddressSyntax.Require(To, nameof(To)),
                Timeout = TimeSpan.FromSeconds(TimeoutSeconds),
                TrustedCertificateThumbprints = TrustedCertificateThumbprint ?? Array.Empty<string>(),
            };
            MailAccountTester.RequireTestable(server, request);
            foreach (string warning in MailAccountTester.PlainTextWarnings(server, account, request)) WriteWarning(warning);

            var recorder = new MailStageRecorder(CancellationToken);
            string activity = $"Test-MailAccount {account.EmailAddress}";
            recorder.Starting += (protocol, stage) => Streams.Progress(new OperationProgress(2, activity, $"{protocol}: {stage}"));
            recorder.Finished += stage => Streams.Verbose($"{stage.Protocol} {stage.Stage}: {stage.Status} - {stage.Detail}");

            WriteVerbose($"Testing '{account.EmailAddress}' on the mail server '{server.Name}' as '{account.Login}' (receive: {request.Receive}, send: {request.Send}).");
            var tester = new MailAccountTester(Store.Secrets, CancellationToken);
            MailAccountTestResult result = RunAsync((streams, token) => tester.TestAsync(document.Name, server, account, request, recorder));
            Streams.Progress(new OperationProgress(2, activity, "Done") { Completed = true });
            WriteObject(result);

            if (recorder.FirstFailure is MailAccountTestStageResult failed)
            {
                WriteError(ErrorRecords.From(new MessagingProviderException(ErrorIds.MailAccountTestFailed, recorder.FirstFailureKind,
                    $"Test-MailAccount '{account.EmailAddress}' failed at {failed.Protocol} {failed.Stage}: {failed.Detail}", account.EmailAddress)));
            }
        });
    }
}

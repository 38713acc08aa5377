using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Commands.Cmdlets;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Output;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Commands;

/// <summary>
/// The product's "Send Test Email": a real message through the smart host as the signed-in mailbox
/// (SMTP XOAUTH2, its delegated token from the cache). The outcome is recorded; only a passing test
/// lets Enable-EntraSmtpClient turn the client on, and a failing one turns it off.
/// </summary>
[Cmdlet(VerbsCommunications.Send, "EntraSmtpTestMessage", SupportsShouldProcess = true, ConfirmImpact = ConfirmImpact.Low)]
[OutputType(typeof(EntraSmtpClientTestResult))]
public sealed class SendEntraSmtpTestMessageCommand : IdentityStoreCmdlet
{
    /// <summary>Recipients (arrays or "a@x; b@y").</summary>
    [Parameter(Mandatory = true, Position = 1)]
    [ValidateNotNullOrEmpty]
    public string[] To { get; set; } = Array.Empty<string>();

    [Parameter]
    [ValidateRange(1, 600)]
    public int TimeoutSeconds { get; set; } = 30;

    protected override void ProcessRecord()
    {
        TryRun(() =>
        {
            var to = RecipientAddresses.Parse(To, "To").Select(MailboxAddress.Parse).ToList();
            IdentityStoreDocument document = Store.Get(IdentityStore);
            EntraSmtpClientSettings settings = EntraSmtpClientChanges.Require(document);
            // Refuses before anything is sent or recorded when nobody signed in.
            EntraSmtpClientEndpoint.Create(Store, document);
            string recipients = string.Join(", ", to.Select(a => a.Address));
            if (!ShouldProcess(document.Name, $"Send a test message from {settings.MailboxUser} to {recipients} through {settings.SmartHost}:{settings.Port}")) return;
            if (settings.SkipCertificateCheck) WriteWarning(CertificateWarning.Text(settings.SmartHost));

            ConfigurationStore store = Store;
            var timeout = TimeSpan.FromSeconds(TimeoutSeconds);
            (EntraSmtpClientTestResult result, bool disabled) = RunAsync((streams, token) => EntraSmtpClientTest.RunAsync(store, document, to, timeout,
                line => streams.Verbose("SMTP " + line), streams.Verbose, token));
            WriteObject(result);
            if (result.Succeeded)
            {
                WriteVerbose($"The test passed; run Enable-EntraSmtpClient -IdentityStore '{document.Name}' to send notifications this way.");
                return;
            }

            if (disabled) WriteWarning($"The Entra ID SMTP client of '{document.Name}' is now disabled because the test failed.");
            WriteError(ErrorRecords.From(TestFailureKind.Error(result.ErrorId, $"{result.FailedStage}", result.Reason ?? "", $"{result.SmartHost}:{result.Port}")));
        });
    }
}

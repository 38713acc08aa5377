using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Output;
using MessagingProvider.Smtp;
using MimeKit;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// Send-EntraSmtpTestMessage's engine: a real test message through the smart host as the signed-in
/// mailbox (SMTP XOAUTH2 with its delegated token), recorded with a fingerprint of the settings it
/// ran with. A failed test disables the client: it is enabled only while a test passes.
/// </summary>
public static class EntraSmtpClientTest
{
    public const string SentBy = "Send-EntraSmtpTestMessage";

    /// <returns>The result, and whether the failed test disabled a client that was enabled.</returns>
    public static async Task<(EntraSmtpClientTestResult Result, bool DisabledByFailure)> RunAsync(ConfigurationStore store, IdentityStoreDocument document, IReadOnlyList<MailboxAddress> to, TimeSpan timeout,
        Action<string>? dialogue, Action<string>? verbose, CancellationToken cancellationToken)
    {
        EntraSmtpClientSettings tested = EntraSmtpClientChanges.Require(document);
        string fingerprint = EntraSmtpClientFingerprint.Of(tested);
        SmtpEndpoint endpoint = EntraSmtpClientEndpoint.Create(store, document);
        endpoint.Timeout = timeout;
        verbose?.Invoke($"Sending a test message from {endpoint.From} to {string.Join(", ", to.Select(a => a.Address))} through {endpoint.Server}:{endpoint.Port} ({endpoint.Security}, XOAUTH2 with the mailbox's delegated token).");
        var tester = new SmtpServerTester(endpoint, dialogue, verbose) { SentBy = SentBy };
        SmtpServerTestResult smtp = await tester.RunAsync(to, document.Name, cancellationToken).ConfigureAwait(false);

        var record = new EntraSmtpTestRecord
        {
            Time = DateTimeOffset.UtcNow,
            Succeeded = smtp.Succeeded,
            Mailbox = endpoint.From,
            To = to.Select(a => a.Address).ToList(),
            ServerReply = smtp.ServerReply,
            ErrorId = smtp.ErrorId,
            Reason = smtp.Reason,
            Fingerprint = fingerprint,
        };
        bool wasEnabled = false;
        bool ready = false;
        store.Update(document.Name, d =>
        {
            EntraSmtpClientSettings current = EntraSmtpClientChanges.Require(d);
            wasEnabled = current.Enabled;
            current.LastTest = record;
            if (!record.Succeeded) current.Enabled = false;
            ready = EntraSmtpClientFingerprint.LastTestPassed(current);
        }, cancellationToken);

        bool disabledByFailure = wasEnabled && !record.Succeeded;
        EntraSmtpClientTestResult result = EntraSmtpClientTestResult.From(document.Name, smtp, record.Time);
        result.Mailbox = endpoint.From;
        result.ReadyToEnable = ready;
        return (result, disabledByFailure);
    }
}

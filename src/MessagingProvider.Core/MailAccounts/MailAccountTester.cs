using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using MailKit.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Security;
using MimeKit;

namespace MessagingProvider.MailAccounts;

/// <summary>What Test-MailAccount checks: receiving (IMAP), sending (SMTP), or both, and an optional test message.</summary>
public sealed class MailAccountTestRequest
{
    public bool Receive { get; set; }
    public bool Send { get; set; }
    /// <summary>Send a test message here after SMTP authentication; null: authentication only.</summary>
    public string? To { get; set; }
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
    public string[] TrustedCertificateThumbprints { get; set; } = Array.Empty<string>();
}

/// <summary>
/// Logs in to an account's mail server with the stored login, the way the product will:
/// IMAP for receiving (folder list, unread count in the inbox), SMTP for sending
/// (authentication, optionally a test message). Failures are recorded stage by stage.
/// </summary>
public sealed class MailAccountTester
{
    private readonly SecretVault _vault;
    private readonly CancellationToken _cancellation;

    public MailAccountTester(SecretVault vault, CancellationToken cancellation)
    {
        _vault = vault;
        _cancellation = cancellation;
    }

    /// <summary>Refuses what cannot be tested before anything connects.</summary>
    public static void RequireTestable(MailServerEntry server, MailAccountTestRequest request)
    {
        if (server.ServiceType != MailServiceType.ImapSmtp)
        {
            throw new MessagingProviderException(ErrorIds.MailAccountTestNotSupported, ErrorKind.NotSupported,
                $"The mail server '{server.Name}' is a {server.ServiceType} service; Test-MailAccount tests IMAP/SMTP servers only so far.", server.Name);
        }

        if (server.Authentication != MailAuthentication.Basic)
        {
            throw new MessagingProviderException(ErrorIds.MailAccountTestNotSupported, ErrorKind.NotSupported,
                $"The mail server '{server.Name}' uses OAuth 2.0; Test-MailAccount tests Basic (login and password) authentication only so far.", server.Name);
        }

        if ((request.Receive && !server.Receive) || (request.Send && !server.Send))
        {
            string what = request.Receive && !server.Receive ? "receive" : "send";
            throw new MessagingProviderException(ErrorIds.ParameterNotValidForMailServer, ErrorKind.InvalidArgument,
                $"The mail server '{server.Name}' is not set up to {what} email. Enable it with Set-MailServer -{(what == "receive" ? "Receive" : "Send")}, or leave that test out.", server.Name);
        }
    }

    /// <summary>
    /// One warning per protocol the test logs in to without TLS: allowed, since the mail server was
    /// set up with TLS None explicitly, but the password then crosses the network in plain text.
    /// </summary>
    public static IEnumerable<string> PlainTextWarnings(MailServerEntry server, MailAccountEntry account, MailAccountTestRequest request)
    {
        if (request.Receive && server.ImapTls == MailTlsMode.None)
        {
            yield return $"The IMAP login of '{account.Login}' to {MailEndpoint.Imap(server)} crosses the network unencrypted (the mail server '{server.Name}' has -ImapTls None). Use Tls (993) or StartTls (143) unless this is a trusted test network.";
        }

        if (request.Send && server.SmtpTls == MailTlsMode.None)
        {
            yield return $"The SMTP login of '{account.Login}' to {MailEndpoint.Smtp(server)} crosses the network unencrypted (the mail server '{server.Name}' has -SmtpTls None). Use Tls (465) or StartTls (587) unless this is a trusted test network.";
        }
    }

    public async Task<MailAccountTestResult> TestAsync(string identityStore, MailServerEntry server, MailAccountEntry account, MailAccountTestRequest request, MailStageRecorder recorder)
    {
        RequireTestable(server, request);
        var connector = new MailConnector(new ServerCertificatePolicy(request.TrustedCertificateThumbprints), request.Timeout, _cancellation);
        var result = new MailAccountTestResult
        {
            IdentityStore = identityStore,
            EmailAddress = account.EmailAddress,
            MailServer = server.Name,
            Login = account.Login,
        };

        if (request.Receive) await TestImapAsync(MailEndpoint.Imap(server), account, connector, recorder, result).ConfigureAwait(false);
        if (request.Send) await TestSmtpAsync(MailEndpoint.Smtp(server), account, request.To, connector, recorder, result).ConfigureAwait(false);

        result.Stages = recorder.Stages.ToArray();
        result.Succeeded = recorder.FirstFailure is null;
        result.FailedStage = recorder.FirstFailure is null ? null : $"{recorder.FirstFailure.Protocol}/{recorder.FirstFailure.Stage}";
        return result;
    }

    private async Task TestImapAsync(MailEndpoint endpoint, MailAccountEntry account, MailConnector connector, MailStageRecorder recorder, MailAccountTestResult result)
    {
        // Every stage is recorded; the recorder skips those after a failure.
        using var client = new ImapClient();
        using CancellationTokenRegistration stop = _cancellation.Register(() => client.Dispose());
        await connector.ConnectAsync(client, endpoint, recorder).ConfigureAwait(false);
        await LoginAsync(client, endpoint, account, recorder).ConfigureAwait(false);
        await recorder.RunAsync(MailProtocol.Imap, MailTestStage.Folders, async () =>
        {
            var folders = (await client.GetFoldersAsync(client.PersonalNamespaces[0], cancellationToken: _cancellation).ConfigureAwait(false))
                .Select(f => f.FullName).Append(client.Inbox.FullName).Distinct(StringComparer.OrdinalIgnoreCase)
                .OrderBy(n => n, StringComparer.OrdinalIgnoreCase).ToArray();
            result.Folders = folders;
            return $"{folders.Length} folder(s): {string.Join(", ", folders)}";
        }, e => (ErrorKind.ConnectionError, "Listing the folders failed: " + MailConnector.FirstLine(e.Message))).ConfigureAwait(false);

        await recorder.RunAsync(MailProtocol.Imap, MailTestStage.Unread, async () =>
        {
            await client.Inbox.StatusAsync(StatusItems.Unread, _cancellation).ConfigureAwait(false);
            result.UnreadCount = client.Inbox.Unread;
            return $"{client.Inbox.Unread} unread message(s) in {client.Inbox.FullName}";
        }, e => (ErrorKind.ConnectionError, "Counting unread messages failed: " + MailConnector.FirstLine(e.Message))).ConfigureAwait(false);
        await DisconnectAsync(client).ConfigureAwait(false);
    }

    private async Task TestSmtpAsync(MailEndpoint endpoint, MailAccountEntry account, string? to, MailConnector connector, MailStageRecorder recorder, MailAccountTestResult result)
    {
        using var client = new SmtpClient();
        using CancellationTokenRegistration stop = _cancellation.Register(() => client.Dispose());
        await connector.ConnectAsync(client, endpoint, recorder).ConfigureAwait(false);
        await LoginAsync(client, endpoint, account, recorder).ConfigureAwait(false);
        if (to is null)
        {
            recorder.Skip(MailProtocol.Smtp, MailTestStage.Send, "no test message: give -To to send one");
        }
        else
        {
            result.MessageSent = await recorder.RunAsync(MailProtocol.Smtp, MailTestStage.Send, async () =>
            {
                using MimeMessage message = TestMessage(account.EmailAddress, to);
                string response = await client.SendAsync(message, _cancellation).ConfigureAwait(false);
                return $"test message {message.MessageId} accepted for {to}: {MailConnector.FirstLine(response)}";
            }, e => (ErrorKind.InvalidOperation, $"The server did not accept the test message for {to}: {MailConnector.FirstLine(e.Message)}")).ConfigureAwait(false);
        }

        await DisconnectAsync(client).ConfigureAwait(false);
    }

    private Task<bool> LoginAsync(MailService client, MailEndpoint endpoint, MailAccountEntry account, MailStageRecorder recorder) =>
        recorder.RunAsync(endpoint.Protocol, MailTestStage.Login, async () =>
        {
            if (account.Password is null) throw new AuthenticationException("the account has no stored password");
            var credential = new NetworkCredential(account.Login, _vault.UnprotectSecureString(account.Password));
            await client.AuthenticateAsync(credential, _cancellation).ConfigureAwait(false);
            return $"logged in as {account.Login} ({string.Join(", ", client.AuthenticationMechanisms)} offered)";
        }, e => e switch
        {
            MessagingProviderException stored => (stored.Kind, stored.Message),
            AuthenticationException => (ErrorKind.AuthenticationError, $"The server refused the login '{account.Login}': {MailConnector.FirstLine(e.Message)} Check the password (New-MailAccount) and the server's login format."),
            NotSupportedException => (ErrorKind.AuthenticationError, $"{endpoint} offers no authentication the account can use: {MailConnector.FirstLine(e.Message)}"),
            _ => (ErrorKind.ConnectionError, $"Logging in to {endpoint} failed: {MailConnector.FirstLine(e.Message)}"),
        });

    private static MimeMessage TestMessage(string from, string to)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse(from));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = "MessagingProvider test message";
        message.Body = new TextPart("plain") { Text = $"Test-MailAccount sent this message from {from} at {DateTimeOffset.UtcNow:u} to check that sending works." };
        return message;
    }

    private static async Task DisconnectAsync(MailService client)
    {
        if (!client.IsConnected) return;
        try
        {
            await client.DisconnectAsync(true, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (e is System.IO.IOException || e is TimeoutException || e is ProtocolException || e is CommandException || e is OperationCanceledException)
        {
            // The verdict is in; a failed goodbye changes nothing.
        }
    }
}

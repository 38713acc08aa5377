using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud.Graph;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Notifications;
using MessagingProvider.Notifications.Delivery;
using MimeKit;

namespace MessagingProvider.Cloud.Tests;

/// <summary>
/// Send-Notification's Microsoft Graph transport, made by the factory from an identity store
/// document, against the Entra ID and Graph stand-ins: what the rendered notification becomes
/// on the wire, per-message failures, throttling, and one token for many messages.
/// </summary>
public sealed class GraphNotificationTransportTests : Office365StandInTest
{
    private const string Mailbox = "notifications@contoso.com";
    private readonly HttpHandlerFactory _handlers = TestHandlers.Trusting();

    [Fact]
    public async Task ARenderedNotificationBecomesTheGraphRequest()
    {
        IdentityStoreDocument document = GraphStore();
        document.Notifications.Cc.Add("audit@contoso.com");
        var request = new NotificationRequest
        {
            Event = NotificationEvent.ObjectModified,
            Target = new DirectoryObject { Name = "Sales", Mail = "sales@contoso.com", Kind = DirectoryObjectKind.Group },
            ChangedBy = new DirectoryObject { Name = "Erin", Mail = "erin@contoso.com" },
            To = new[] { "owner@contoso.com", "helpdesk@contoso.com" },
        };
        ResolvedRecipients recipients = RecipientResolver.Resolve(request, document.Notifications);
        using INotificationTransport transport = Create(document);
        MimeMessage message = Assert.Single(NotificationRenderer.Render(document.Name, transport.From, request, recipients, document.Notifications)).Message;

        SendOutcome outcome = await transport.SendAsync(message, CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal(1, outcome.Attempts);
        Assert.Equal("202 Accepted", outcome.ServerReply);
        Assert.Equal(NotificationDeliveryMethod.MicrosoftGraph, transport.Method);
        (string from, JsonObject body) = Assert.Single(_graph.Sent);
        Assert.Equal(Mailbox, from);
        JsonNode sent = body["message"]!;
        Assert.Equal("Sales was modified", sent["subject"]!.GetValue<string>());
        Assert.Equal(new[] { "owner@contoso.com", "helpdesk@contoso.com" }, Addresses(sent["toRecipients"]));
        Assert.Equal(new[] { "audit@contoso.com" }, Addresses(sent["ccRecipients"]));
        // Notifications are multipart/alternative: Graph gets the HTML part.
        Assert.Equal("html", sent["body"]!["contentType"]!.GetValue<string>());
        Assert.Equal(message.HtmlBody, sent["body"]!["content"]!.GetValue<string>());
        Assert.Contains("modified by Erin", sent["body"]!["content"]!.GetValue<string>());
        JsonNode header = Assert.Single(sent["internetMessageHeaders"]!.AsArray())!;
        Assert.Equal("X-MessagingProvider-Event", header["name"]!.GetValue<string>());
        Assert.Equal("ObjectModified", header["value"]!.GetValue<string>());
        Assert.False(body["saveToSentItems"]!.GetValue<bool>());
    }

    [Fact]
    public async Task AnHtmlBodyIsSentAsHtml()
    {
        using INotificationTransport transport = Create(GraphStore());
        var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse("owner@contoso.com"));
        message.Subject = "Welcome";
        message.Body = new BodyBuilder { TextBody = "Welcome to Sales.", HtmlBody = "<p>Welcome to <b>Sales</b>.</p>" }.ToMessageBody();

        Assert.True((await transport.SendAsync(message, CancellationToken.None)).Sent);

        JsonNode body = Assert.Single(_graph.Sent).Body["message"]!["body"]!;
        Assert.Equal("html", body["contentType"]!.GetValue<string>());
        Assert.Equal("<p>Welcome to <b>Sales</b>.</p>", body["content"]!.GetValue<string>());
    }

    [Fact]
    public async Task ManyMessagesShareOneToken()
    {
        using INotificationTransport transport = Create(GraphStore());

        for (int i = 0; i < 5; i++) Assert.True((await transport.SendAsync(Message("owner@contoso.com", $"Notification {i}"), CancellationToken.None)).Sent);

        Assert.Equal(5, _graph.Sent.Count);
        Assert.Equal(1, _entra.TokenRequests);
    }

    [Fact]
    public async Task ThrottlingWaitsForRetryAfterAndCountsTheAttempts()
    {
        _graph.Throttle(2);
        using INotificationTransport transport = Create(GraphStore());

        SendOutcome outcome = await transport.SendAsync(Message("owner@contoso.com", "Throttled"), CancellationToken.None);

        Assert.True(outcome.Sent);
        Assert.Equal(3, outcome.Attempts);
        Assert.Equal(3, _graph.Requests);
        Assert.Single(_graph.Sent);
        Assert.Equal(2, _verbose.Count(v => v.Contains("429 ApplicationThrottled") && v.Contains("as Retry-After asks")));
    }

    [Fact]
    public async Task ThrottlingThatOutlastsTheAttemptsFailsThatMessageOnly()
    {
        _graph.Throttle(2);
        using INotificationTransport transport = Create(GraphStore(), maxAttempts: 2);

        SendOutcome throttled = await transport.SendAsync(Message("owner@contoso.com", "Throttled"), CancellationToken.None);
        SendOutcome next = await transport.SendAsync(Message("owner@contoso.com", "Next"), CancellationToken.None);

        Assert.False(throttled.Sent);
        Assert.Equal(2, throttled.Attempts);
        Assert.Equal(ErrorIds.GraphThrottled, throttled.Failure!.ErrorId);
        Assert.Equal(ErrorKind.ResourceBusy, throttled.Failure.Kind);
        Assert.Contains("after 2 attempt(s)", throttled.Failure.Message);
        Assert.True(next.Sent);
        Assert.Equal("Next", Assert.Single(_graph.Sent).Body["message"]!["subject"]!.GetValue<string>());
    }

    [Fact]
    public async Task ARetryAfterBeyondTheLimitIsNotWaitedFor()
    {
        _graph.Throttle(1);
        using var sender = new GraphMailSender(Office365(), _settings.Vault, _handlers)
        {
            Throttling = new GraphThrottlingPolicy { MaximumDelay = TimeSpan.FromMilliseconds(500) },
        };

        var error = await Assert.ThrowsAsync<GraphSendMailException>(() => sender.SendAsync(new GraphMailMessage { From = Mailbox, To = { "owner@contoso.com" }, Subject = "Later" }, CancellationToken.None));

        Assert.Equal(ErrorIds.GraphThrottled, error.ErrorId);
        Assert.Equal(1, error.Attempts);
        Assert.Contains("asked to wait 1 s", error.Message);
        Assert.Equal(1, _graph.Requests);
    }

    [Fact]
    public async Task StoppingDuringAThrottlingWaitEndsTheSend()
    {
        _graph.Throttle(1);
        using var cancellation = new CancellationTokenSource();
        using INotificationTransport transport = NotificationTransportFactory.Create(GraphStore(), _settings.Vault, new NotificationTransportOptions
        {
            HttpHandlerFactory = _handlers,
            // Ctrl+C arrives while the transport waits for Retry-After.
            Verbose = v => { if (v.Contains("retrying")) cancellation.Cancel(); },
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => transport.SendAsync(Message("owner@contoso.com", "Stopped"), cancellation.Token));

        Assert.Equal(1, _graph.Requests);
        Assert.Empty(_graph.Sent);
    }

    [Fact]
    public async Task MissingMailSendPermissionFailsTheMessage()
    {
        _graph.MailSendGranted = false;
        using INotificationTransport transport = Create(GraphStore());

        SendOutcome outcome = await transport.SendAsync(Message("owner@contoso.com", "Denied"), CancellationToken.None);

        Assert.False(outcome.Sent);
        Assert.Equal("403 ErrorAccessDenied", outcome.ServerReply);
        Assert.Equal(ErrorIds.GraphMailSendDenied, outcome.Failure!.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, outcome.Failure.Kind);
        Assert.Contains("Mail.Send", outcome.Failure.Message);
    }

    [Fact]
    public async Task AnUnknownSenderMailboxFailsTheMessage()
    {
        IdentityStoreDocument document = GraphStore();
        document.Notifications.Delivery.From = "nobody@contoso.com";
        using INotificationTransport transport = Create(document);

        SendOutcome outcome = await transport.SendAsync(Message("owner@contoso.com", "Nobody"), CancellationToken.None);

        Assert.Equal(ErrorIds.GraphMailboxNotFound, outcome.Failure!.ErrorId);
        Assert.Equal(ErrorKind.NotFound, outcome.Failure.Kind);
        Assert.Contains("nobody@contoso.com", outcome.Failure.Message);
        Assert.Empty(_graph.Sent);
    }

    [Fact]
    public async Task ASignInFailureStopsTheDeliveryInsteadOfFailingEachMessage()
    {
        IdentityStoreDocument document = GraphStore();
        document.Messaging.Office365 = Office365("not-the-secret");
        using INotificationTransport transport = Create(document);

        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => transport.SendAsync(Message("owner@contoso.com", "Never"), CancellationToken.None));

        Assert.Equal(ErrorIds.EntraClientSecretInvalid, error.ErrorId);
        Assert.Equal(0, _graph.Requests);
    }

    [Fact]
    public void GraphDeliveryNeedsTheOffice365Provider()
    {
        IdentityStoreDocument document = GraphStore();
        document.Messaging = new MessagingProviderSettings { Provider = MessagingProviderType.Other, Other = new OtherProviderSettings() };

        var error = Assert.Throws<MessagingProviderException>(() => Create(document));

        Assert.Equal(ErrorIds.GraphDeliveryRequiresOffice365, error.ErrorId);
        Assert.Contains("Set-MessagingProvider", error.Message);
    }

    [Fact]
    public void GraphDeliveryNeedsAnApplicationCredential()
    {
        IdentityStoreDocument document = GraphStore();
        document.Messaging.Office365!.ClientSecret = null;

        var error = Assert.Throws<MessagingProviderException>(() => Create(document));

        Assert.Equal(ErrorIds.GraphDeliveryApplicationIncomplete, error.ErrorId);
        Assert.Contains("-ClientSecret, -CertificatePath, -CertificateThumbprint or -ManagedIdentity", error.Message);
    }

    [Fact]
    public void GraphDeliveryNeedsASenderMailbox()
    {
        IdentityStoreDocument document = GraphStore();
        document.Notifications.Delivery.From = null;

        Assert.Equal(ErrorIds.GraphDeliveryFromMissing, Assert.Throws<MessagingProviderException>(() => Create(document)).ErrorId);
    }

    [Fact]
    public void SmtpDeliveryWithoutAnSmtpServerSaysSo()
    {
        IdentityStoreDocument document = GraphStore();
        document.Notifications.Delivery.Method = NotificationDeliveryMethod.Smtp;

        Assert.Equal(ErrorIds.SmtpServerNotConfigured, Assert.Throws<MessagingProviderException>(() => Create(document)).ErrorId);
    }

    private INotificationTransport Create(IdentityStoreDocument document, int maxAttempts = 4) =>
        NotificationTransportFactory.Create(document, _settings.Vault, new NotificationTransportOptions
        {
            MaxAttempts = maxAttempts,
            RetryDelay = TimeSpan.FromMilliseconds(50),
            Verbose = _verbose.Add,
            HttpHandlerFactory = _handlers,
        });

    private Office365Settings Office365(string? secret = null)
    {
        Office365Settings settings = _settings.WithSecret(_entra, secret ?? _entra.ClientSecret);
        settings.Endpoints!.GraphEndpoint = _graph.Endpoint;
        return settings;
    }

    private IdentityStoreDocument GraphStore()
    {
        var document = new IdentityStoreDocument { Name = "Cloud" };
        document.Messaging = new MessagingProviderSettings { Provider = MessagingProviderType.Office365, Office365 = Office365() };
        document.Notifications.Delivery = new NotificationDeliverySettings { Method = NotificationDeliveryMethod.MicrosoftGraph, From = Mailbox };
        return document;
    }

    private static MimeMessage Message(string to, string subject)
    {
        var message = new MimeMessage();
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = subject + " body" };
        return message;
    }

    private static string[] Addresses(JsonNode? recipients) =>
        recipients!.AsArray().Select(r => r!["emailAddress"]!["address"]!.GetValue<string>()).ToArray();
}

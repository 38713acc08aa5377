using System;
using System.Linq;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud.Graph;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Cloud.Tests;

public sealed class GraphMailSenderTests : Office365StandInTest
{

    [Fact]
    public async Task SendsAsTheMailboxWithAnAppOnlyToken()
    {
        using GraphMailSender sender = Sender();

        await sender.SendAsync(Notification(), CancellationToken.None);

        (string from, JsonObject body) = Assert.Single(_graph.Sent);
        Assert.Equal("notifications@contoso.com", from);
        JsonNode message = body["message"]!;
        Assert.Equal("Group Sales created", message["subject"]!.GetValue<string>());
        Assert.Equal("text", message["body"]!["contentType"]!.GetValue<string>());
        Assert.Equal("The group sales@contoso.com is ready.", message["body"]!["content"]!.GetValue<string>());
        Assert.Equal(new[] { "owner@contoso.com", "helpdesk@contoso.com" },
            message["toRecipients"]!.AsArray().Select(r => r!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.False(body["saveToSentItems"]!.GetValue<bool>());
    }

    [Fact]
    public async Task ThrottlingIsRetriedAfterRetryAfter()
    {
        _graph.Throttle(1);
        using GraphMailSender sender = Sender();

        int attempts = await sender.SendAsync(Notification(), CancellationToken.None);

        Assert.Single(_graph.Sent);
        Assert.Equal(2, _graph.Requests);
        Assert.Equal(2, attempts);
    }

    [Fact]
    public async Task AnUnknownMailboxIsNotFound()
    {
        using GraphMailSender sender = Sender();
        GraphMailMessage message = Notification();
        message.From = "nobody@contoso.com";
        var error = await Assert.ThrowsAsync<GraphSendMailException>(() => sender.SendAsync(message, CancellationToken.None));
        Assert.Equal(404, error.StatusCode);
        Assert.Equal(ErrorIds.GraphMailboxNotFound, error.ErrorId);
        Assert.Equal(ErrorKind.NotFound, error.Kind);
        Assert.Contains("The requested user 'nobody@contoso.com' is invalid.", error.Message);
    }

    [Fact]
    public async Task MissingMailSendPermissionIsExplained()
    {
        _graph.MailSendGranted = false;
        using GraphMailSender sender = Sender();
        var error = await Assert.ThrowsAsync<GraphSendMailException>(() => sender.SendAsync(Notification(), CancellationToken.None));
        Assert.Equal(ErrorIds.GraphMailSendDenied, error.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, error.Kind);
        Assert.Contains("Mail.Send", error.Message);
        Assert.Empty(_graph.Sent);
    }

    [Fact]
    public async Task SignInErrorsComeFromEntra()
    {
        Office365Settings settings = _settings.WithSecret(_entra, "wrong");
        settings.Endpoints!.GraphEndpoint = _graph.Endpoint;
        using var sender = new GraphMailSender(settings, _settings.Vault, TestHandlers.Trusting());
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => sender.SendAsync(Notification(), CancellationToken.None));
        Assert.Equal(ErrorIds.EntraClientSecretInvalid, error.ErrorId);
        Assert.Equal(0, _graph.Requests);
    }

    [Fact]
    public async Task AMessageOverGraphsRequestLimitGoesThroughAnUploadSession()
    {
        using GraphMailSender sender = Sender();
        GraphMailMessage message = Notification();
        message.IsHtml = true;
        message.Body = "<html><body><table>" + string.Concat(Enumerable.Repeat("<tr><td>sales@contoso.com</td><td>created</td></tr>", 110_000)) + "</table></body></html>";
        Assert.True(Encoding.UTF8.GetByteCount(message.Body) > GraphStandIn.MaxRequestBytes);

        int attempts = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(1, attempts);
        (string from, JsonObject body) = Assert.Single(_graph.Sent);
        Assert.Equal("notifications@contoso.com", from);
        JsonNode sent = body["message"]!;
        Assert.Equal("Group Sales created", sent["subject"]!.GetValue<string>());
        Assert.Contains("attached as notification.html", sent["body"]!["content"]!.GetValue<string>());
        Assert.Equal(new[] { "owner@contoso.com", "helpdesk@contoso.com" },
            sent["toRecipients"]!.AsArray().Select(r => r!["emailAddress"]!["address"]!.GetValue<string>()));
        JsonNode attachment = Assert.Single(sent["attachments"]!.AsArray())!;
        Assert.Equal("text/html", attachment["contentType"]!.GetValue<string>());
        Assert.Equal(message.Body, Encoding.UTF8.GetString(Convert.FromBase64String(attachment["contentBytes"]!.GetValue<string>())));
        Assert.False(body["saveToSentItems"]!.GetValue<bool>());
        Assert.True(_graph.UploadedRanges.Count >= 2, string.Join(", ", _graph.UploadedRanges));
        Assert.Equal(0, _graph.Drafts);
    }

    [Fact]
    public async Task AFailedUploadDeletesTheDraftAndSaysWhy()
    {
        _graph.FailUploads = 1;
        using GraphMailSender sender = Sender();
        GraphMailMessage message = Notification();
        message.Body = new string('x', GraphStandIn.MaxRequestBytes + 1);

        var error = await Assert.ThrowsAsync<GraphSendMailException>(() => sender.SendAsync(message, CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Equal(ErrorIds.GraphSendMailFailed, error.ErrorId);
        Assert.Contains("The upload failed.", error.Message);
        Assert.Empty(_graph.Sent);
        Assert.Equal(0, _graph.Drafts);
    }

    [Fact]
    public async Task ThrottlingDuringAnUploadIsRetriedAndCounted()
    {
        using GraphMailSender sender = Sender();
        GraphMailMessage message = Notification();
        message.Body = new string('x', GraphStandIn.MaxRequestBytes + 1);
        _graph.Throttle(1);

        int attempts = await sender.SendAsync(message, CancellationToken.None);

        Assert.Equal(2, attempts);
        Assert.Single(_graph.Sent);
    }

    private GraphMailSender Sender()
    {
        Office365Settings settings = _settings.WithSecret(_entra, _entra.ClientSecret);
        settings.Endpoints!.GraphEndpoint = _graph.Endpoint;
        return new GraphMailSender(settings, _settings.Vault, TestHandlers.Trusting());
    }

    private static GraphMailMessage Notification() => new GraphMailMessage
    {
        From = "notifications@contoso.com",
        To = { "owner@contoso.com", "helpdesk@contoso.com" },
        Subject = "Group Sales created",
        Body = "The group sales@contoso.com is ready.",
    };
}

using System.Linq;
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

using System;
using System.Collections.Generic;
using System.Linq;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.SendMail;
using Microsoft.Kiota.Abstractions.Authentication;

namespace MessagingProvider.Cloud.Graph;

/// <summary>
/// Sends notifications through Microsoft Graph, <c>POST /users/{from}/sendMail</c>, with an
/// app-only token (the app needs the Mail.Send application permission). The Graph SDK's own
/// middleware retries 429/503/504 after Retry-After.
/// </summary>
public sealed class GraphMailSender : IDisposable
{
    private readonly GraphServiceClient _client;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;

    public GraphMailSender(Office365Settings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null)
        : this(new EntraAppTokenSource(settings, vault, handlerFactory), CloudTable.Resolve(settings).GraphEndpoint, handlerFactory)
    {
    }

    public GraphMailSender(IAccessTokenSource tokens, Uri graphEndpoint, HttpHandlerFactory? handlerFactory = null)
    {
        _endpoint = graphEndpoint;
        _http = GraphClientFactory.Create(finalHandler: handlerFactory?.Invoke());
        var authentication = new BaseBearerTokenAuthenticationProvider(new EntraAccessTokenProvider(tokens, graphEndpoint));
        _client = new GraphServiceClient(_http, authentication, new Uri(graphEndpoint, "v1.0").ToString());
    }

    public async Task SendAsync(GraphMailMessage message, CancellationToken cancellationToken)
    {
        var body = new SendMailPostRequestBody
        {
            Message = new Message
            {
                Subject = message.Subject,
                Body = new ItemBody { ContentType = message.IsHtml ? BodyType.Html : BodyType.Text, Content = message.Body },
                ToRecipients = Recipients(message.To),
                CcRecipients = Recipients(message.Cc),
            },
            SaveToSentItems = message.SaveToSentItems,
        };
        try
        {
            await _client.Users[message.From].SendMail.PostAsync(body, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError e)
        {
            throw Translate(e, message.From);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
        {
            throw new MessagingProviderException(ErrorIds.GraphUnreachable, ErrorKind.ConnectionError,
                $"Microsoft Graph at {_endpoint} could not be reached to send mail as {message.From}: {e.Message} Check the network, the proxy and -GraphEndpoint.", message.From, e);
        }
    }

    private static List<Recipient> Recipients(IEnumerable<string> addresses) =>
        addresses.Select(a => new Recipient { EmailAddress = new EmailAddress { Address = a } }).ToList();

    private static MessagingProviderException Translate(ODataError e, string from)
    {
        string code = e.Error?.Code ?? "";
        string text = e.Error?.Message ?? e.Message;
        (ErrorKind kind, string advice) = e.ResponseStatusCode switch
        {
            401 => (ErrorKind.AuthenticationError, " Check the app registration's credentials and -Cloud/-GraphEndpoint."),
            403 => (ErrorKind.PermissionDenied, " Give the app registration the Microsoft Graph application permission Mail.Send with admin consent; an application access policy may also limit the mailboxes it can send as."),
            404 => (ErrorKind.NotFound, $" Check that {from} is a mailbox in the tenant."),
            400 => (ErrorKind.InvalidArgument, ""),
            429 => (ErrorKind.ResourceBusy, " Microsoft Graph is throttling; try again later."),
            _ when e.ResponseStatusCode >= 500 => (ErrorKind.ResourceUnavailable, " Try again later."),
            _ => (ErrorKind.InvalidOperation, ""),
        };
        return new MessagingProviderException(ErrorIds.GraphSendMailFailed, kind,
            $"Microsoft Graph refused to send mail as {from} ({e.ResponseStatusCode} {code}): {text}{advice}", from, e);
    }

    public void Dispose() => _http.Dispose();
}

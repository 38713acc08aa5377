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
using Microsoft.Kiota.Http.HttpClientLibrary.Middleware.Options;

namespace MessagingProvider.Cloud.Graph;

/// <summary>
/// Sends notifications through Microsoft Graph, <c>POST /users/{from}/sendMail</c>, with an
/// app-only token (the app needs the Mail.Send application permission). Throttling (429/503/504)
/// is retried by <see cref="Throttling"/> rather than the SDK's retry middleware, so the waits
/// are bounded, counted and cancellable.
/// </summary>
public sealed class GraphMailSender : IDisposable
{
    private readonly GraphServiceClient _client;
    private readonly HttpClient _http;
    private readonly Uri _endpoint;
    private readonly Action<string>? _verbose;

    public GraphMailSender(Office365Settings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null, Action<string>? verbose = null)
        : this(new EntraAppTokenSource(settings, vault, handlerFactory), CloudTable.Resolve(settings).GraphEndpoint, handlerFactory, verbose)
    {
    }

    public GraphMailSender(IAccessTokenSource tokens, Uri graphEndpoint, HttpHandlerFactory? handlerFactory = null, Action<string>? verbose = null)
    {
        _endpoint = graphEndpoint;
        _verbose = verbose;
        _http = GraphClientFactory.Create(finalHandler: handlerFactory?.Invoke());
        var authentication = new BaseBearerTokenAuthenticationProvider(new EntraAccessTokenProvider(tokens, graphEndpoint));
        _client = new GraphServiceClient(_http, authentication, new Uri(graphEndpoint, "v1.0").ToString());
    }

    public Uri Endpoint => _endpoint;

    public GraphThrottlingPolicy Throttling { get; set; } = new GraphThrottlingPolicy();

    /// <summary>Sends one message; returns how many requests it took (more than 1 after throttling).</summary>
    /// <param name="verbose">Overrides the constructor's callback for this message (called on a thread-pool thread).</param>
    public async Task<int> SendAsync(GraphMailMessage message, CancellationToken cancellationToken, Action<string>? verbose = null)
    {
        verbose ??= _verbose;
        for (int attempt = 1; ; attempt++)
        {
            try
            {
                // A new body per attempt: the SDK's backing store serializes only the values changed since the last request.
                await _client.Users[message.From].SendMail.PostAsync(RequestBody(message), NoSdkRetries, cancellationToken).ConfigureAwait(false);
                return attempt;
            }
            catch (ODataError e) when (GraphThrottlingPolicy.IsRetryable(e.ResponseStatusCode))
            {
                TimeSpan? retryAfter = RetryAfter(e);
                TimeSpan? delay = Throttling.DelayAfter(attempt, retryAfter);
                if (delay is null) throw Translate(e, message.From, attempt, retryAfter);
                verbose?.Invoke($"Microsoft Graph answered {e.ResponseStatusCode} {e.Error?.Code}; retrying in {delay.Value.TotalSeconds:0.##} s{(retryAfter is null ? "" : " as Retry-After asks")} (attempt {attempt + 1} of {Throttling.MaxAttempts}).");
                await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
            }
            catch (ODataError e)
            {
                throw Translate(e, message.From, attempt, null);
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
    }

    private static void NoSdkRetries(Microsoft.Kiota.Abstractions.RequestConfiguration<Microsoft.Kiota.Abstractions.DefaultQueryParameters> configuration) =>
        configuration.Options.Add(new RetryHandlerOption { MaxRetry = 0, ShouldRetry = (_, _, _) => false });

    private static SendMailPostRequestBody RequestBody(GraphMailMessage message)
    {
        var graphMessage = new Message
        {
            Subject = message.Subject,
            Body = new ItemBody { ContentType = message.IsHtml ? BodyType.Html : BodyType.Text, Content = message.Body },
            ToRecipients = Recipients(message.To),
            CcRecipients = Recipients(message.Cc),
            BccRecipients = Recipients(message.Bcc),
        };
        if (message.Headers.Count > 0)
        {
            graphMessage.InternetMessageHeaders = message.Headers.Select(h => new InternetMessageHeader { Name = h.Key, Value = h.Value }).ToList();
        }

        return new SendMailPostRequestBody { Message = graphMessage, SaveToSentItems = message.SaveToSentItems };
    }

    private static List<Recipient> Recipients(IEnumerable<string> addresses) =>
        addresses.Select(a => new Recipient { EmailAddress = new EmailAddress { Address = a } }).ToList();

    private static TimeSpan? RetryAfter(ODataError e)
    {
        if (e.ResponseHeaders is null) return null;
        foreach (var header in e.ResponseHeaders)
        {
            if (!header.Key.Equals("Retry-After", StringComparison.OrdinalIgnoreCase)) continue;
            foreach (string value in header.Value)
            {
                if (int.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int seconds)) return TimeSpan.FromSeconds(seconds);
                if (DateTimeOffset.TryParse(value, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out DateTimeOffset date))
                {
                    TimeSpan left = date - DateTimeOffset.UtcNow;
                    return left < TimeSpan.Zero ? TimeSpan.Zero : left;
                }
            }
        }

        return null;
    }

    private static GraphSendMailException Translate(ODataError e, string from, int attempts, TimeSpan? retryAfter)
    {
        int status = e.ResponseStatusCode;
        string? code = e.Error?.Code;
        string text = e.Error?.Message ?? e.Message;
        string answer = $"({status} {code}): {text}";
        (string id, ErrorKind kind, string message) = status switch
        {
            401 => (ErrorIds.GraphSendMailFailed, ErrorKind.AuthenticationError,
                $"Microsoft Graph did not accept the application's token to send mail as {from} {answer} Check the app registration's credentials and -Cloud/-GraphEndpoint."),
            403 => (ErrorIds.GraphMailSendDenied, ErrorKind.PermissionDenied,
                $"The application may not send mail as {from} {answer} Give the app registration the Microsoft Graph application permission Mail.Send with admin consent; an application access policy may also limit the mailboxes it can send as."),
            404 => (ErrorIds.GraphMailboxNotFound, ErrorKind.NotFound,
                $"Microsoft Graph has no mailbox {from} to send as {answer} Check the sender mailbox (Set-NotificationDelivery -From): it must be a mailbox of the tenant, not a group or contact."),
            _ when GraphThrottlingPolicy.IsRetryable(status) => (ErrorIds.GraphThrottled, status == 429 ? ErrorKind.ResourceBusy : ErrorKind.ResourceUnavailable,
                $"Microsoft Graph is still throttling or unavailable after {attempts} attempt(s) to send mail as {from} {answer}" +
                (retryAfter is TimeSpan wait ? $" It asked to wait {wait.TotalSeconds:0} s." : "") + " Send the remaining notifications later."),
            400 => (ErrorIds.GraphSendMailFailed, ErrorKind.InvalidArgument, $"Microsoft Graph refused the message sent as {from} {answer}"),
            _ => (ErrorIds.GraphSendMailFailed, status >= 500 ? ErrorKind.ResourceUnavailable : ErrorKind.InvalidOperation,
                $"Microsoft Graph refused to send mail as {from} {answer}"),
        };
        return new GraphSendMailException(id, kind, message, from, status, code, attempts, e);
    }

    public void Dispose() => _http.Dispose();
}

using System;
using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Net;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud;
using MessagingProvider.Errors;

namespace MessagingProvider.Exchange.ExchangeOnline;

/// <summary>
/// Runs Exchange Online cmdlets through the REST admin API that ExchangeOnlineManagement 3 uses
/// since remote PowerShell was retired: <c>POST {endpoint}/adminapi/beta/{tenant}/InvokeCommand</c>
/// with an app-only token for <c>{endpoint}/.default</c> (the app needs Exchange.ManageAsApp).
/// </summary>
public sealed class ExchangeOnlineCommandRunner : IExchangeCommandRunner, IDisposable
{
    // The arbitration mailbox ExchangeOnlineManagement anchors app-only sessions to: it routes
    // the request to the tenant's own servers.
    private const string AnchorMailbox = "SystemMailbox{bb558c35-97f1-4cb9-8ff7-d53741dc928c}";

    private readonly Uri _endpoint;
    private readonly string _tenant;
    private readonly IAccessTokenSource _tokens;
    private readonly HttpClient _http;
    private readonly ExchangeOnlineRetryPolicy _retry;

    public ExchangeOnlineCommandRunner(Uri endpoint, string tenant, IAccessTokenSource tokens,
        HttpHandlerFactory? handlerFactory = null, ExchangeOnlineRetryPolicy? retry = null)
    {
        _endpoint = endpoint;
        _tenant = tenant;
        _tokens = tokens;
        _retry = retry ?? new ExchangeOnlineRetryPolicy();
        _http = handlerFactory is null ? new HttpClient() : new HttpClient(handlerFactory(), disposeHandler: true);
        _http.Timeout = TimeSpan.FromMinutes(5);
    }

    /// <summary>Told what happens (requests, retries, pages); never a token.</summary>
    public Action<string>? Verbose { get; set; }

    /// <summary>The warnings Exchange Online returns with a successful command.</summary>
    public Action<string>? Warning { get; set; }

    public Uri CommandUri => new Uri(_endpoint, "adminapi/beta/" + Uri.EscapeDataString(_tenant) + "/InvokeCommand");

    public async Task<IReadOnlyList<PSObject>> InvokeAsync(string commandName, IDictionary parameters, CancellationToken cancellationToken)
    {
        byte[] body = InvokeCommandJson.Request(commandName, parameters);
        string token = await _tokens.GetAccessTokenAsync(CloudEndpoints.DefaultScope(_endpoint), cancellationToken).ConfigureAwait(false);
        var results = new List<PSObject>();
        Uri? page = CommandUri;
        int pages = 0;
        while (page is not null)
        {
            Verbose?.Invoke(pages == 0
                ? $"Exchange Online: {commandName} at {CommandUri}."
                : $"Exchange Online: {commandName}, page {pages + 1} ({results.Count} objects so far).");
            InvokeCommandPage answer = await SendAsync(page, body, token, commandName, cancellationToken).ConfigureAwait(false);
            results.AddRange(answer.Objects);
            foreach (string warning in answer.Warnings) Warning?.Invoke(warning);
            page = answer.NextLink is null ? null : NextPage(answer.NextLink, commandName);
            pages++;
        }

        return results;
    }

    /// <summary>
    /// The bearer token goes with the next page only to this endpoint's own https scheme, host and
    /// port: an answer that points elsewhere (a tampered or misdirected response) gets nothing.
    /// </summary>
    private Uri NextPage(string nextLink, string commandName)
    {
        bool own = Uri.TryCreate(nextLink, UriKind.Absolute, out Uri? next)
            && next.Scheme == Uri.UriSchemeHttps
            && string.Equals(next.Host, _endpoint.Host, StringComparison.OrdinalIgnoreCase)
            && next.Port == _endpoint.Port;
        if (!own)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeOnlineInvalidResponse, ErrorKind.SecurityError,
                $"Exchange Online answered {commandName} with a next page outside {_endpoint.Scheme}://{_endpoint.Authority}/ ('{nextLink}'); the request was stopped so the access token is not sent there.",
                _endpoint.ToString(), null);
        }

        return next!;
    }

    private async Task<InvokeCommandPage> SendAsync(Uri uri, byte[] body, string token, string commandName, CancellationToken cancellationToken)
    {
        for (int attempt = 1; ; attempt++)
        {
            using HttpRequestMessage request = NewRequest(uri, body, token);
            HttpResponseMessage response;
            try
            {
                response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                throw new MessagingProviderException(ErrorIds.ExchangeOnlineUnreachable, ErrorKind.ConnectionError,
                    $"Exchange Online at {_endpoint} could not be reached for {commandName}: {Innermost(e).Message} Check the network, the proxy and the -Cloud/-ExchangeOnlineEndpoint of the identity store.",
                    _endpoint.ToString(), e);
            }

            using (response)
            {
                byte[] content = await response.Content.ReadAsByteArrayAsync().ConfigureAwait(false);
                if (response.IsSuccessStatusCode) return ReadPage(content, commandName);
                if (response.StatusCode == (HttpStatusCode)429 || response.StatusCode == HttpStatusCode.ServiceUnavailable)
                {
                    TimeSpan? delay = _retry.DelayBefore(attempt, response, DateTimeOffset.UtcNow);
                    if (delay is null) throw Throttled(commandName, response, attempt);
                    Verbose?.Invoke($"Exchange Online answered {(int)response.StatusCode} to {commandName}; retry {attempt} of {_retry.MaximumRetries} in {delay.Value.TotalSeconds:0.#} s.");
                    await Task.Delay(delay.Value, cancellationToken).ConfigureAwait(false);
                    continue;
                }

                throw ExchangeOnlineErrors.FromResponse(response.StatusCode, System.Text.Encoding.UTF8.GetString(content), commandName, _tenant);
            }
        }
    }

    private HttpRequestMessage NewRequest(Uri uri, byte[] body, string token)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, uri) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
        request.Headers.Add("X-ResponseFormat", "json");
        request.Headers.Add("X-ClientApplication", "MessagingProvider");
        request.Headers.Add("client-request-id", Guid.NewGuid().ToString());
        request.Headers.Add("Prefer", "odata.maxpagesize=1000");
        if (!Guid.TryParse(_tenant, out _)) request.Headers.Add("X-AnchorMailbox", $"UPN:{AnchorMailbox}@{_tenant}");
        return request;
    }

    private InvokeCommandPage ReadPage(byte[] content, string commandName)
    {
        try
        {
            return InvokeCommandJson.ReadPage(content);
        }
        catch (JsonException e)
        {
            throw new MessagingProviderException(ErrorIds.ExchangeOnlineInvalidResponse, ErrorKind.InvalidData,
                $"Exchange Online's answer to {commandName} is not the expected JSON ({e.Message}). Check -ExchangeOnlineEndpoint: it must be the Exchange Online host, for example https://outlook.office365.com.",
                commandName, e);
        }
    }

    private MessagingProviderException Throttled(string commandName, HttpResponseMessage response, int attempt)
    {
        TimeSpan? after = ExchangeOnlineRetryPolicy.RetryAfter(response, DateTimeOffset.UtcNow);
        string when = after is null ? "later" : $"in {Math.Ceiling(after.Value.TotalSeconds)} s";
        return new MessagingProviderException(ErrorIds.ExchangeOnlineThrottled, ErrorKind.ResourceBusy,
            $"Exchange Online is throttling {commandName} ({(int)response.StatusCode}, {attempt} attempts). Try again {when}, or run fewer commands at once.",
            commandName);
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }

    public void Dispose() => _http.Dispose();
}

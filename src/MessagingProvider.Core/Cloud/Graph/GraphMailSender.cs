using System;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Cloud.Graph;

/// <summary>
/// Sends notifications through Microsoft Graph, <c>POST /users/{from}/sendMail</c>, with an
/// app-only token (the app needs the Mail.Send application permission), over a plain
/// <see cref="HttpClient"/>: the Graph SDK is 40 MB per target framework for this one call.
/// Throttling (429/503/504) is retried by <see cref="Throttling"/>, so the waits are bounded,
/// counted and cancellable. A message whose request would pass Graph's 4 MB limit goes as a
/// draft whose body is attached through an upload session (<see cref="GraphLargeMessage"/>).
/// </summary>
public sealed class GraphMailSender : IDisposable
{
    /// <summary>Requests above this go through an upload session: Graph refuses requests over 4 MB, and advises 3 MB for inline content.</summary>
    public const int LargeRequestBytes = 3 * 1024 * 1024;

    private static readonly MediaTypeHeaderValue Json = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };

    private readonly HttpClient _http;
    private readonly IAccessTokenSource _tokens;
    private readonly string _scope;
    private readonly Uri _api;
    private readonly Action<string>? _verbose;

    public GraphMailSender(Office365Settings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null, Action<string>? verbose = null)
        : this(new EntraAppTokenSource(settings, vault, handlerFactory), CloudTable.Resolve(settings).GraphEndpoint, handlerFactory, verbose)
    {
    }

    public GraphMailSender(IAccessTokenSource tokens, Uri graphEndpoint, HttpHandlerFactory? handlerFactory = null, Action<string>? verbose = null)
    {
        Endpoint = graphEndpoint;
        _tokens = tokens;
        _scope = CloudEndpoints.DefaultScope(graphEndpoint);
        _api = new Uri(graphEndpoint, "v1.0/");
        _verbose = verbose;
        _http = new HttpClient(handlerFactory?.Invoke() ?? new HttpClientHandler(), disposeHandler: true);
    }

    public Uri Endpoint { get; }

    public GraphThrottlingPolicy Throttling { get; set; } = new GraphThrottlingPolicy();

    /// <summary>Sends one message; returns how many tries it took (more than 1 after throttling).</summary>
    /// <param name="verbose">Overrides the constructor's callback for this message (called on a thread-pool thread).</param>
    public async Task<int> SendAsync(GraphMailMessage message, CancellationToken cancellationToken, Action<string>? verbose = null)
    {
        var call = new GraphCall(this, message.From, verbose ?? _verbose, cancellationToken);
        byte[] body = Utf8(GraphMailJson.SendMailBody(message));
        if (body.Length <= LargeRequestBytes)
        {
            await call.SendAsync(HttpMethod.Post, UserPath(message.From, "sendMail"), body).ConfigureAwait(false);
        }
        else
        {
            await new GraphLargeMessage(call, message).SendAsync().ConfigureAwait(false);
        }

        return call.Attempts;
    }

    internal static string UserPath(string from, string rest) => "users/" + Uri.EscapeDataString(from) + "/" + rest;

    internal static byte[] Utf8(JsonNode json) => Encoding.UTF8.GetBytes(json.ToJsonString());

    /// <summary>One message's requests: the same token source, throttling policy and count of tries.</summary>
    internal sealed class GraphCall
    {
        private readonly GraphMailSender _sender;
        private readonly Action<string>? _verbose;
        private int _retries;

        public GraphCall(GraphMailSender sender, string from, Action<string>? verbose, CancellationToken cancellationToken)
        {
            _sender = sender;
            From = from;
            _verbose = verbose;
            CancellationToken = cancellationToken;
        }

        public string From { get; }

        public CancellationToken CancellationToken { get; }

        public int Attempts => 1 + _retries;

        public Action<string>? Verbose => _verbose;

        /// <summary>A Graph API request (relative to /v1.0/) with the app's token; returns the JSON answer, if any.</summary>
        public Task<JsonNode?> SendAsync(HttpMethod method, string path, byte[]? json) =>
            SendAsync(() =>
            {
                var request = new HttpRequestMessage(method, new Uri(_sender._api, path));
                request.Content = new ByteArrayContent(json ?? Array.Empty<byte>());
                request.Content.Headers.ContentType = Json;
                return request;
            }, authorize: true);

        /// <summary>
        /// Sends what <paramref name="build"/> makes (again after throttling). Upload-session URLs
        /// carry their own authorization: Graph asks not to send the token there.
        /// </summary>
        public async Task<JsonNode?> SendAsync(Func<HttpRequestMessage> build, bool authorize)
        {
            for (int attempt = 1; ; attempt++)
            {
                using HttpRequestMessage request = build();
                if (authorize)
                {
                    string token = await _sender._tokens.GetAccessTokenAsync(_sender._scope, CancellationToken).ConfigureAwait(false);
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using HttpResponseMessage response = await SendOnceAsync(request).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    string text = response.Content is null ? "" : await response.Content.ReadAsStringAsync().ConfigureAwait(false);
                    return text.Length == 0 ? null : JsonNode.Parse(text);
                }

                GraphErrorAnswer error = await GraphErrorAnswer.ReadAsync(response).ConfigureAwait(false);
                TimeSpan? delay = GraphThrottlingPolicy.IsRetryable(error.StatusCode) ? _sender.Throttling.DelayAfter(attempt, error.RetryAfter) : null;
                if (delay is null) throw GraphErrors.Translate(error, From, Attempts);
                _verbose?.Invoke($"Microsoft Graph answered {error.StatusCode} {error.Code}; retrying in {delay.Value.TotalSeconds:0.##} s{(error.RetryAfter is null ? "" : " as Retry-After asks")} (attempt {attempt + 1} of {_sender.Throttling.MaxAttempts}).");
                _retries++;
                await Task.Delay(delay.Value, CancellationToken).ConfigureAwait(false);
            }
        }

        private async Task<HttpResponseMessage> SendOnceAsync(HttpRequestMessage request)
        {
            try
            {
                return await _sender._http.SendAsync(request, CancellationToken).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (CancellationToken.IsCancellationRequested)
            {
                throw;
            }
            catch (Exception e) when (e is HttpRequestException || e is OperationCanceledException)
            {
                throw new MessagingProviderException(ErrorIds.GraphUnreachable, ErrorKind.ConnectionError,
                    $"Microsoft Graph at {_sender.Endpoint} could not be reached to send mail as {From}: {e.Message} Check the network, the proxy and -GraphEndpoint.", From, e);
            }
        }
    }

    public void Dispose() => _http.Dispose();
}

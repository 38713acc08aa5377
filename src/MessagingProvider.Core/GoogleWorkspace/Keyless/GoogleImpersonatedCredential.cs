using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.GoogleWorkspace.Keyless;

/// <summary>
/// Keyless domain-wide delegation: the ambient credential of the machine (the metadata server's
/// default service account) asks the IAM Credentials API to sign the JWT of the store's service
/// account (signJwt, which needs roles/iam.serviceAccountTokenCreator on it), and the signed JWT,
/// whose <c>sub</c> is the administrator, is exchanged at the token endpoint like a key file's.
/// </summary>
/// <remarks>
/// Google.Apis' ImpersonatedCredential uses generateAccessToken, which cannot impersonate a user
/// (no <c>sub</c>), so the Directory API would refuse it; signJwt is the documented keyless route.
/// </remarks>
public sealed class GoogleImpersonatedCredential : IConfigurableHttpClientInitializer, IHttpExecuteInterceptor
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private static readonly TimeSpan Margin = TimeSpan.FromMinutes(5);

    private readonly GoogleWorkspaceSettings _settings;
    private readonly Uri _metadataServer;
    private readonly HttpHandlerFactory? _handlerFactory;
    private readonly SemaphoreSlim _gate = new SemaphoreSlim(1, 1);
    private string? _token;
    private DateTimeOffset _expires;

    private readonly string[] _scopes;

    public GoogleImpersonatedCredential(GoogleWorkspaceSettings settings, Uri metadataServer, HttpHandlerFactory? handlerFactory, string[]? scopes = null)
    {
        _settings = settings;
        _scopes = scopes ?? GoogleEndpoints.Scopes;
        _metadataServer = metadataServer;
        _handlerFactory = handlerFactory;
    }

    public void Initialize(ConfigurableHttpClient httpClient) => httpClient.MessageHandler.AddExecuteInterceptor(this);

    public async Task InterceptAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await GetAccessTokenAsync(cancellationToken).ConfigureAwait(false));

    /// <summary>The Directory API token (cached until five minutes before it expires).</summary>
    public async Task<string> GetAccessTokenAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_token is not null && DateTimeOffset.UtcNow < _expires - Margin) return _token;
            using var client = new HttpClient(_handlerFactory?.Invoke() ?? new HttpClientHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
            string ambient = await AmbientTokenAsync(client, cancellationToken).ConfigureAwait(false);
            string signed = await SignJwtAsync(client, ambient, cancellationToken).ConfigureAwait(false);
            (string token, int expiresIn) = await ExchangeAsync(client, signed, cancellationToken).ConfigureAwait(false);
            _token = token;
            _expires = DateTimeOffset.UtcNow.AddSeconds(expiresIn);
            return token;
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<string> AmbientTokenAsync(HttpClient client, CancellationToken cancellationToken)
    {
        Uri address = GoogleMetadataServer.DefaultTokenUri(_metadataServer);
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Add("Metadata-Flavor", "Google");
        string where = $"the Google metadata server at {_metadataServer.Authority}";
        try
        {
            using HttpResponseMessage response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw MetadataUnavailable($"{where} answered {(int)response.StatusCode} {response.ReasonPhrase}: {Trim(body)}", null);
            }

            using JsonDocument json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("access_token").GetString()
                   ?? throw MetadataUnavailable($"{where} gave no access token.", null);
        }
        catch (Exception e) when (e is HttpRequestException || e is JsonException || e is KeyNotFoundException
                                  || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw MetadataUnavailable($"{where} could not be reached: {e.Message}", e);
        }
    }

    private MessagingProviderException MetadataUnavailable(string detail, Exception? inner) =>
        new MessagingProviderException(ErrorIds.GoogleMetadataServerUnavailable, ErrorKind.ConnectionError,
            $"Keyless Google sign-in needs the ambient credential of a Google Cloud machine (Compute Engine, GKE workload identity, Cloud Run): {detail} "
            + $"Run the module there (or set {GoogleMetadataServer.HostVariable} to the metadata server's host:port), or use a key file with Set-MessagingProvider -Provider GoogleWorkspace -KeyPath.",
            _metadataServer.Authority, inner);

    private async Task<string> SignJwtAsync(HttpClient client, string ambientToken, CancellationToken cancellationToken)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string claims = JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["iss"] = _settings.ServiceAccount!,
            ["sub"] = _settings.AdminUser!,
            ["scope"] = string.Join(" ", _scopes),
            // Google checks its own token URL as audience whatever URL the request goes to.
            ["aud"] = GoogleEndpoints.DefaultTokenEndpoint.ToString(),
            ["iat"] = now,
            ["exp"] = now + (long)Lifetime.TotalSeconds,
        });
        Uri address = new Uri(GoogleEndpoints.IamCredentials(_settings),
            $"v1/projects/-/serviceAccounts/{Uri.EscapeDataString(_settings.ServiceAccount!)}:signJwt");
        using var request = new HttpRequestMessage(HttpMethod.Post, address)
        {
            Content = new StringContent(JsonSerializer.Serialize(new Dictionary<string, string> { ["payload"] = claims }), Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ambientToken);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MessagingProviderException(ErrorIds.GoogleUnreachable, ErrorKind.ConnectionError,
                $"The IAM Credentials API at {address.Host} could not be reached: {e.Message}", address.Host, e);
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode)
            {
                throw new MessagingProviderException(ErrorIds.GoogleSignJwtRefused, ErrorKind.PermissionDenied,
                    $"The IAM Credentials API refused to sign for service account {_settings.ServiceAccount} ({(int)response.StatusCode}: {ErrorMessage(body)}). "
                    + "Grant the machine's service account the Service Account Token Creator role (roles/iam.serviceAccountTokenCreator) on it, and enable the IAM Service Account Credentials API in the project.",
                    _settings.ServiceAccount);
            }

            using JsonDocument json = JsonDocument.Parse(body);
            return json.RootElement.GetProperty("signedJwt").GetString()!;
        }
    }

    private async Task<(string Token, int ExpiresIn)> ExchangeAsync(HttpClient client, string signedJwt, CancellationToken cancellationToken)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string> { ["grant_type"] = JwtBearer, ["assertion"] = signedJwt });
        using HttpResponseMessage response = await client.PostAsync(GoogleEndpoints.TokenEndpoint(_settings), content, cancellationToken).ConfigureAwait(false);
        string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
        using JsonDocument json = JsonDocument.Parse(body);
        JsonElement root = json.RootElement;
        if (!response.IsSuccessStatusCode)
        {
            // The same exception a key file's credential throws, so GoogleErrorTranslator names the cause alike.
            var error = new TokenErrorResponse
            {
                Error = root.TryGetProperty("error", out JsonElement e) ? e.GetString() : null,
                ErrorDescription = root.TryGetProperty("error_description", out JsonElement d) ? d.GetString() : null,
            };
            throw new TokenResponseException(error, response.StatusCode);
        }

        int expiresIn = root.TryGetProperty("expires_in", out JsonElement x) && x.TryGetInt32(out int seconds) ? seconds : 3600;
        return (root.GetProperty("access_token").GetString()!, expiresIn);
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using JsonDocument json = JsonDocument.Parse(body);
            if (json.RootElement.TryGetProperty("error", out JsonElement error) && error.ValueKind == JsonValueKind.Object
                && error.TryGetProperty("message", out JsonElement message))
            {
                return message.GetString() ?? Trim(body);
            }
        }
        catch (JsonException)
        {
        }

        return Trim(body);
    }

    private static string Trim(string text) => text.Length > 200 ? text.Substring(0, 200) + "…" : text;
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Google.Apis.Auth.OAuth2;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.GoogleWorkspace.Keyless;
using MessagingProvider.Security;

namespace MessagingProvider.GoogleWorkspace.GroupsSettings;

/// <summary>
/// The Groups Settings API (GET and PATCH of https://www.googleapis.com/groups/v1/groups/{email}),
/// with a token that adds the apps.groups.settings scope to the Directory API's. The token is asked
/// for only when a command changes a group setting, so a store whose domain-wide delegation lacks
/// the scope keeps every other command.
/// </summary>
public sealed class GoogleGroupsSettingsClient : IDisposable
{
    private readonly GoogleWorkspaceSettings _settings;
    private readonly SecretVault _vault;
    private readonly HttpHandlerFactory? _handlerFactory;
    private readonly Action<string>? _verbose;
    private HttpClient? _http;

    public GoogleGroupsSettingsClient(GoogleWorkspaceSettings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null, Action<string>? verbose = null)
    {
        _settings = settings;
        _vault = vault;
        _handlerFactory = handlerFactory;
        _verbose = verbose;
    }

    public Uri BaseUri => GoogleEndpoints.GroupsSettingsApi(_settings);

    /// <summary>Gets the token with the Groups Settings scope now, so a refused scope stops a command before it changes anything.</summary>
    public async Task RequireScopeAsync(CancellationToken cancellationToken) => await TokenAsync(cancellationToken).ConfigureAwait(false);

    public Task<GoogleGroupSettings> GetAsync(string groupEmail, CancellationToken cancellationToken) =>
        SendAsync(HttpMethod.Get, groupEmail, null, $"Read the settings of group {groupEmail}", cancellationToken);

    /// <summary>Changes only the fields given; returns the group's settings as Google has them after.</summary>
    public Task<GoogleGroupSettings> PatchAsync(string groupEmail, IReadOnlyDictionary<string, string> changes, CancellationToken cancellationToken) =>
        SendAsync(new HttpMethod("PATCH"), groupEmail, changes, $"Change {string.Join(", ", changes.Keys)} of group {groupEmail}", cancellationToken);

    private async Task<GoogleGroupSettings> SendAsync(HttpMethod method, string groupEmail, IReadOnlyDictionary<string, string>? body, string operation, CancellationToken cancellationToken)
    {
        _verbose?.Invoke($"Google Groups Settings API: {operation}.");
        string token = await TokenAsync(cancellationToken).ConfigureAwait(false);
        var address = new Uri(BaseUri, "groups/v1/groups/" + Uri.EscapeDataString(groupEmail) + "?alt=json");
        using var request = new HttpRequestMessage(method, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body), Encoding.UTF8, "application/json");
        HttpResponseMessage response;
        try
        {
            response = await Http().SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw GoogleErrorTranslator.Translate(e, operation, _settings);
        }

        using (response)
        {
            string text = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if (!response.IsSuccessStatusCode) throw GroupsSettingsErrors.FromResponse((int)response.StatusCode, text, operation, groupEmail, _settings);
            return Parse(text);
        }
    }

    private static GoogleGroupSettings Parse(string json)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        using JsonDocument document = JsonDocument.Parse(json);
        foreach (JsonProperty property in document.RootElement.EnumerateObject())
        {
            if (property.Value.ValueKind == JsonValueKind.String) fields[property.Name] = property.Value.GetString()!;
        }

        return new GoogleGroupSettings(fields);
    }

    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        try
        {
            IConfigurableHttpClientInitializer credential = GoogleServiceAccount.Credential(_settings, _vault, _handlerFactory, GoogleEndpoints.ScopesWithGroupsSettings);
            return credential switch
            {
                GoogleImpersonatedCredential keyless => await keyless.GetAccessTokenAsync(cancellationToken).ConfigureAwait(false),
                ITokenAccess access => await access.GetAccessTokenForRequestAsync(null, cancellationToken).ConfigureAwait(false),
                _ => throw new InvalidOperationException($"The Google credential {credential.GetType().Name} gives no access token."),
            };
        }
        catch (TokenResponseException e)
        {
            throw GroupsSettingsErrors.FromToken(e, _settings);
        }
    }

    private HttpClient Http() => _http ??= new HttpClient(_handlerFactory?.Invoke() ?? new HttpClientHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(100) };

    public void Dispose() => _http?.Dispose();
}

using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Readiness.Checks;

/// <summary>
/// The client secrets and certificates of the store's Office 365 app registration, read through
/// Microsoft Graph (<c>GET /v1.0/applications?$filter=appId eq '…'</c>, which needs
/// Application.Read.All or the app owning itself). Offline, or when Graph refuses, it says so and
/// the stored certificate's own expiry (<see cref="StoredCredentialExpiryCheck"/>) is what remains.
/// </summary>
public sealed class AppCredentialExpiryCheck
{
    private readonly HttpHandlerFactory? _handlerFactory;

    public AppCredentialExpiryCheck(HttpHandlerFactory? handlerFactory = null) => _handlerFactory = handlerFactory;

    public async Task RunAsync(ReadinessContext context, Action<string>? verbose, CancellationToken cancellationToken)
    {
        Office365Settings? o365 = context.Store.Messaging.Office365;
        if (o365 is null || string.IsNullOrEmpty(o365.ApplicationId)) return;
        if (context.Offline)
        {
            context.Skip(ReadinessCheck.AppCredentialExpiring, "-Offline: the app registration's secrets and certificates were not read from Microsoft Graph (only the stored certificate and the client secret's stored expiry were checked).");
            StoredSecretExpiryCheck.Run(context, o365);
            return;
        }

        IReadOnlyList<AppCredential>? credentials;
        try
        {
            credentials = await ReadAsync(o365, context, verbose, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingProviderException e)
        {
            context.Skip(ReadinessCheck.AppCredentialExpiring, $"the app registration could not be read from Microsoft Graph ({e.ErrorId}): {e.Message}");
            StoredSecretExpiryCheck.Run(context, o365);
            return;
        }

        if (credentials is null) return;
        foreach (AppCredential credential in credentials)
        {
            if (credential.EndDateTime > context.Horizon) continue;
            bool expired = credential.EndDateTime <= context.Now;
            string kind = credential.IsCertificate ? "certificate" : "client secret";
            context.Add(ReadinessSeverity.Critical, ReadinessCheck.AppCredentialExpiring,
                $"App registration {o365.ApplicationId} {kind} '{credential.DisplayName}' ({credential.KeyId})", credential.EndDateTime,
                expired
                    ? $"This {kind} expired on {credential.EndDateTime:yyyy-MM-dd}: a sign-in that still uses it fails with AADSTS7000222 / AADSTS700027."
                    : $"This {kind} expires on {credential.EndDateTime:yyyy-MM-dd}; a sign-in that uses it then fails (Exchange Online recipients, Graph mail delivery, status probes).",
                credential.IsCertificate
                    ? "Upload a new certificate to the app registration, then Set-MessagingProvider -Provider Office365 -CertificatePath <new.pfx>; remove the old one afterwards."
                    : "Add a new client secret to the app registration, then Set-MessagingProvider -Provider Office365 -ClientSecret <new secret>; remove the old one afterwards.");
        }
    }

    private async Task<IReadOnlyList<AppCredential>?> ReadAsync(Office365Settings o365, ReadinessContext context, Action<string>? verbose, CancellationToken cancellationToken)
    {
        var tokens = new EntraAppTokenSource(o365, context.Vault, _handlerFactory);
        Uri graph = tokens.Endpoints.GraphEndpoint;
        string token = await tokens.GetAccessTokenAsync(CloudEndpoints.DefaultScope(graph), cancellationToken).ConfigureAwait(false);
        var address = new Uri(graph, $"v1.0/applications?$filter=appId eq '{Uri.EscapeDataString(o365.ApplicationId!)}'&$select=appId,passwordCredentials,keyCredentials");
        verbose?.Invoke($"Reading the app registration {o365.ApplicationId} from {graph.Host}.");
        using var client = new HttpClient(_handlerFactory?.Invoke() ?? new HttpClientHandler(), disposeHandler: true) { Timeout = TimeSpan.FromSeconds(30) };
        using var request = new HttpRequestMessage(HttpMethod.Get, address);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        HttpResponseMessage response;
        try
        {
            response = await client.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new MessagingProviderException(ErrorIds.GraphUnreachable, ErrorKind.ConnectionError, $"Microsoft Graph at {graph.Host} could not be reached: {e.Message}", graph.Host, e);
        }

        using (response)
        {
            string body = await response.Content.ReadAsStringAsync().ConfigureAwait(false);
            if ((int)response.StatusCode == 403)
            {
                throw new MessagingProviderException(ErrorIds.AppRegistrationReadDenied, ErrorKind.PermissionDenied,
                    "the app may not read app registrations; grant it Application.Read.All (or make it an owner of itself with Application.ReadWrite.OwnedBy) to have its secrets and certificates checked.", o365.ApplicationId);
            }

            if (!response.IsSuccessStatusCode)
            {
                throw new MessagingProviderException(ErrorIds.AppRegistrationReadFailed, ErrorKind.InvalidOperation,
                    $"Microsoft Graph answered {(int)response.StatusCode} {response.ReasonPhrase}.", o365.ApplicationId);
            }

            return Parse(body);
        }
    }

    private static IReadOnlyList<AppCredential>? Parse(string body)
    {
        using JsonDocument document = JsonDocument.Parse(body);
        JsonElement value = document.RootElement.GetProperty("value");
        if (value.GetArrayLength() == 0) return null;
        JsonElement app = value[0];
        var result = new List<AppCredential>();
        Add(app, "passwordCredentials", false, result);
        Add(app, "keyCredentials", true, result);
        return result;
    }

    private static void Add(JsonElement app, string property, bool certificate, List<AppCredential> into)
    {
        if (!app.TryGetProperty(property, out JsonElement list) || list.ValueKind != JsonValueKind.Array) return;
        foreach (JsonElement item in list.EnumerateArray())
        {
            if (!item.TryGetProperty("endDateTime", out JsonElement end) || end.ValueKind != JsonValueKind.String) continue;
            into.Add(new AppCredential(
                item.TryGetProperty("displayName", out JsonElement name) && name.ValueKind == JsonValueKind.String ? name.GetString() ?? "" : "",
                item.TryGetProperty("keyId", out JsonElement id) && id.ValueKind == JsonValueKind.String ? id.GetString() ?? "" : "",
                end.GetDateTimeOffset(),
                certificate));
        }
    }

    private sealed record AppCredential(string DisplayName, string KeyId, DateTimeOffset EndDateTime, bool IsCertificate);
}

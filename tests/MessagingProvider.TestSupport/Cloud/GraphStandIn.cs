using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Microsoft Graph's <c>POST /v1.0/users/{id}/sendMail</c>: checks the bearer token the Entra
/// stand-in issued for this Graph endpoint, keeps the messages, answers 202, and Graph's
/// error JSON for unknown mailboxes, missing Mail.Send and throttling.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    private readonly EntraStandIn _entra;
    private readonly ConcurrentQueue<(string From, JsonObject Body)> _sent = new ConcurrentQueue<(string, JsonObject)>();
    private HttpsStandInHost _server = null!;
    private int _throttle;
    private int _retryAfterSeconds = 1;
    private int _requests;

    private GraphStandIn(EntraStandIn entra) => _entra = entra;

    public Uri Endpoint => _server.BaseUri;

    public HashSet<string> Mailboxes { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "notifications@contoso.com" };

    public bool MailSendGranted { get; set; } = true;

    /// <summary>Whether the app may read app registrations (Application.Read.All); 403 otherwise.</summary>
    public bool ApplicationReadGranted { get; set; } = true;

    /// <summary>The client secrets and certificates of the Entra stand-in's app registration, as Graph lists them.</summary>
    public List<(bool Certificate, string DisplayName, DateTimeOffset EndDateTime)> ApplicationCredentials { get; } = new List<(bool, string, DateTimeOffset)>();

    /// <summary>The $filter of the last applications request.</summary>
    public string? LastApplicationFilter { get; private set; }

    public int Requests => Volatile.Read(ref _requests);

    public IReadOnlyCollection<(string From, JsonObject Body)> Sent => _sent.ToArray();

    /// <summary>The next N requests get 429 with Retry-After (1 s unless told).</summary>
    public void Throttle(int requests, int retryAfterSeconds = 1)
    {
        Volatile.Write(ref _retryAfterSeconds, retryAfterSeconds);
        Interlocked.Exchange(ref _throttle, requests);
    }

    public static async Task<GraphStandIn> StartAsync(EntraStandIn entra)
    {
        var standIn = new GraphStandIn(entra);
        standIn._server = await HttpsStandInHost.StartAsync(app =>
        {
            app.MapPost("/v1.0/users/{id}/sendMail", standIn.SendMail);
            app.MapGet("/v1.0/applications", standIn.Applications);
        });
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> SendMail(HttpContext context, string id)
    {
        Interlocked.Increment(ref _requests);
        if (!_entra.Authorizes(context.Request, Endpoint))
        {
            return Error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        }

        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            context.Response.Headers.RetryAfter = Volatile.Read(ref _retryAfterSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Error(429, "ApplicationThrottled", "Application is over its MailboxConcurrency limit.");
        }

        if (!MailSendGranted) return Error(403, "ErrorAccessDenied", "Access is denied. Check credentials and try again.");
        if (!Mailboxes.Contains(id)) return Error(404, "ErrorInvalidUser", $"The requested user '{id}' is invalid.");
        // Graph reads property names case-insensitively (the SDK writes "Message", "SaveToSentItems").
        var options = new JsonNodeOptions { PropertyNameCaseInsensitive = true };
        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body, options))!.AsObject();
        if (body["message"]?["toRecipients"] is not JsonArray { Count: > 0 }) return Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
        _sent.Enqueue((id, body));
        return Results.StatusCode(202);
    }

    // GET /v1.0/applications?$filter=appId eq '…': the stand-in's one app registration, or none.
    private IResult Applications(HttpContext context)
    {
        Interlocked.Increment(ref _requests);
        if (!_entra.Authorizes(context.Request, Endpoint)) return Error(401, "InvalidAuthenticationToken", "Access token validation failure. Invalid audience.");
        if (!ApplicationReadGranted) return Error(403, "Authorization_RequestDenied", "Insufficient privileges to complete the operation.");
        string filter = context.Request.Query["$filter"].ToString();
        LastApplicationFilter = filter;
        var value = new JsonArray();
        if (filter == $"appId eq '{_entra.ClientId}'")
        {
            var passwords = new JsonArray();
            var keys = new JsonArray();
            foreach (var (certificate, name, end) in ApplicationCredentials)
            {
                var item = new JsonObject { ["displayName"] = name, ["keyId"] = Guid.NewGuid().ToString(), ["endDateTime"] = end.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) };
                if (certificate) item["type"] = "AsymmetricX509Cert";
                (certificate ? keys : passwords).Add(item);
            }

            value.Add(new JsonObject { ["appId"] = _entra.ClientId, ["passwordCredentials"] = passwords, ["keyCredentials"] = keys });
        }

        return Results.Json(new JsonObject { ["value"] = value });
    }

    private static IResult Error(int status, string code, string message) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = code, ["message"] = message } }, statusCode: status);
}

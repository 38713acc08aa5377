using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Microsoft Graph's <c>POST /v1.0/users/{id}/sendMail</c>: checks the bearer token the Entra
/// stand-in issued for this Graph endpoint, keeps the messages, answers 202, and Graph's
/// error JSON for unknown mailboxes, missing Mail.Send and throttling. Requests over 4 MB are
/// refused (413) as Graph does; large messages go as a draft (<c>POST /users/{id}/messages</c>)
/// whose attachment is uploaded through <c>createUploadSession</c> and byte-range PUTs to the
/// session URL (which takes no bearer token), then <c>POST .../send</c>.
/// </summary>
public sealed class GraphStandIn : IAsyncDisposable
{
    private readonly EntraStandIn _entra;
    private readonly ConcurrentQueue<(string From, JsonObject Body)> _sent = new ConcurrentQueue<(string, JsonObject)>();
    private HttpsStandInHost _server = null!;
    private int _throttle;
    private int _retryAfterSeconds = 1;
    private int _requests;
    private int _nextId;
    private readonly ConcurrentDictionary<string, Draft> _drafts = new ConcurrentDictionary<string, Draft>();
    private readonly ConcurrentDictionary<string, UploadSession> _uploads = new ConcurrentDictionary<string, UploadSession>();

    /// <summary>Graph refuses a request larger than this (4 MB).</summary>
    public const int MaxRequestBytes = 4 * 1024 * 1024;

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

    /// <summary>Drafts created and not (yet) sent or deleted.</summary>
    public int Drafts => _drafts.Count;

    /// <summary>The byte ranges PUT to upload sessions, in order ("0-3932159/5000000").</summary>
    public ConcurrentQueue<string> UploadedRanges { get; } = new ConcurrentQueue<string>();

    /// <summary>The next N upload PUTs are refused with 500 (to see that the draft is deleted).</summary>
    public int FailUploads { get; set; }

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
            app.MapPost("/v1.0/users/{id}/messages", standIn.CreateDraft);
            app.MapPost("/v1.0/users/{id}/messages/{messageId}/attachments/createUploadSession", standIn.CreateUploadSession);
            app.MapPut("/upload/{session}", standIn.Upload);
            app.MapPost("/v1.0/users/{id}/messages/{messageId}/send", standIn.SendDraft);
            app.MapDelete("/v1.0/users/{id}/messages/{messageId}", standIn.DeleteDraft);
        });
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> SendMail(HttpContext context, string id)
    {
        if (Refuse(context, id) is IResult refused) return refused;
        if (await ReadJson(context) is not JsonObject body) return TooLarge();
        if (body["message"]?["toRecipients"] is not JsonArray { Count: > 0 }) return Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
        _sent.Enqueue((id, body));
        return Results.StatusCode(202);
    }

    private async Task<IResult> CreateDraft(HttpContext context, string id)
    {
        if (Refuse(context, id) is IResult refused) return refused;
        if (await ReadJson(context) is not JsonObject message) return TooLarge();
        string messageId = "AAMk" + Interlocked.Increment(ref _nextId).ToString(System.Globalization.CultureInfo.InvariantCulture);
        message["attachments"] = new JsonArray();
        _drafts[messageId] = new Draft(id, message);
        return Results.Json(new JsonObject { ["id"] = messageId, ["isDraft"] = true }, statusCode: 201);
    }

    private async Task<IResult> CreateUploadSession(HttpContext context, string id, string messageId)
    {
        if (Refuse(context, id) is IResult refused) return refused;
        if (!_drafts.TryGetValue(messageId, out Draft? draft) || draft.Mailbox != id) return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        if (await ReadJson(context) is not JsonObject body) return TooLarge();
        JsonNode? item = body["AttachmentItem"];
        if (item?["attachmentType"]?.GetValue<string>() != "file" || item["size"] is null || item["name"] is null)
        {
            return Error(400, "ErrorInvalidRequest", "AttachmentItem with attachmentType file, name and size is required.");
        }

        string session = Guid.NewGuid().ToString("N");
        _uploads[session] = new UploadSession(messageId, item["name"]!.GetValue<string>(), item["contentType"]?.GetValue<string>() ?? "application/octet-stream", new byte[item["size"]!.GetValue<int>()]);
        return Results.Json(new JsonObject
        {
            ["uploadUrl"] = new Uri(Endpoint, "upload/" + session).ToString(),
            ["expirationDateTime"] = DateTimeOffset.UtcNow.AddHours(1).ToString("o"),
            ["nextExpectedRanges"] = new JsonArray("0-"),
        }, statusCode: 201);
    }

    private async Task<IResult> Upload(HttpContext context, string session)
    {
        Interlocked.Increment(ref _requests);
        // The upload URL is pre-authorized; Graph answers 401 to a request that sends a token there.
        if (context.Request.Headers.Authorization.Count > 0) return Error(401, "InvalidAuthenticationToken", "Do not send an Authorization header to an upload URL.");
        if (!_uploads.TryGetValue(session, out UploadSession? upload)) return Error(404, "ErrorItemNotFound", "The upload session does not exist.");
        if (FailUploads > 0)
        {
            FailUploads--;
            return Error(500, "ErrorInternalServerError", "The upload failed.");
        }

        var range = Microsoft.Net.Http.Headers.ContentRangeHeaderValue.Parse(context.Request.Headers.ContentRange.ToString());
        if (range.From != upload.Received || range.Length != upload.Content.Length || range.To >= upload.Content.Length)
        {
            return Error(416, "InvalidRange", $"Expected the range starting at {upload.Received} of {upload.Content.Length} bytes.");
        }

        int length = (int)(range.To!.Value - range.From!.Value + 1);
        if (length > MaxRequestBytes) return TooLarge();
        using var buffer = new System.IO.MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        if (buffer.Length != length) return Error(400, "InvalidRange", "The body does not match Content-Range.");
        buffer.ToArray().CopyTo(upload.Content, upload.Received);
        upload.Received += length;
        UploadedRanges.Enqueue($"{range.From}-{range.To}/{range.Length}");
        if (upload.Received < upload.Content.Length)
        {
            return Results.Json(new JsonObject { ["nextExpectedRanges"] = new JsonArray($"{upload.Received}-") }, statusCode: 200);
        }

        _uploads.TryRemove(session, out _);
        _drafts[upload.MessageId].Message["attachments"]!.AsArray().Add(new JsonObject
        {
            ["name"] = upload.Name,
            ["contentType"] = upload.ContentType,
            ["size"] = upload.Content.Length,
            ["contentBytes"] = Convert.ToBase64String(upload.Content),
        });
        return Results.StatusCode(201);
    }

    private IResult SendDraft(HttpContext context, string id, string messageId)
    {
        if (Refuse(context, id) is IResult refused) return refused;
        if (!_drafts.TryRemove(messageId, out Draft? draft)) return Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
        if (draft.Message["toRecipients"] is not JsonArray { Count: > 0 }) return Error(400, "ErrorInvalidRecipients", "At least one recipient is not valid.");
        bool deleteAfterSubmit = draft.Message["singleValueExtendedProperties"] is JsonArray properties &&
            properties.Any(p => p?["id"]?.GetValue<string>() == "Boolean 0x0E01" && p["value"]?.GetValue<string>() == "true");
        _sent.Enqueue((id, new JsonObject { ["message"] = draft.Message, ["saveToSentItems"] = !deleteAfterSubmit }));
        return Results.StatusCode(202);
    }

    private IResult DeleteDraft(HttpContext context, string id, string messageId)
    {
        if (Refuse(context, id) is IResult refused) return refused;
        return _drafts.TryRemove(messageId, out _) ? Results.StatusCode(204) : Error(404, "ErrorItemNotFound", "The specified object was not found in the store.");
    }

    /// <summary>What every Graph API call checks first: the token, throttling, Mail.Send, the mailbox.</summary>
    private IResult? Refuse(HttpContext context, string id)
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
        return null;
    }

    /// <summary>The request's JSON, or null when it is over Graph's 4 MB limit.</summary>
    private static async Task<JsonObject?> ReadJson(HttpContext context)
    {
        if (context.Request.ContentLength is > MaxRequestBytes) return null;
        // Graph reads property names case-insensitively.
        var options = new JsonNodeOptions { PropertyNameCaseInsensitive = true };
        return (await JsonNode.ParseAsync(context.Request.Body, options))!.AsObject();
    }

    private static IResult TooLarge() => Error(413, "RequestBodyTooLarge", "The maximum request length supported is 4MB.");

    private sealed record Draft(string Mailbox, JsonObject Message);

    private sealed class UploadSession
    {
        public UploadSession(string messageId, string name, string contentType, byte[] content)
        {
            MessageId = messageId;
            Name = name;
            ContentType = contentType;
            Content = content;
        }

        public string MessageId { get; }

        public string Name { get; }

        public string ContentType { get; }

        public byte[] Content { get; }

        public int Received { get; set; }
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

using System;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MessagingProvider.Errors;

namespace MessagingProvider.Cloud.Graph;

/// <summary>
/// A message too large for one Graph request (a long HTML report): Graph takes no request over
/// 4 MB and cannot append to a body, so the message is created as a draft with a short body,
/// the full body is attached through an upload session (<c>createUploadSession</c>, then
/// <c>PUT</c> of byte ranges to the session's own URL), and the draft is sent. When anything
/// fails after the draft exists, the draft is deleted so no half-made message stays behind.
/// </summary>
internal sealed class GraphLargeMessage
{
    /// <summary>Graph asks for ranges in multiples of 320 KiB, under 4 MB per request.</summary>
    public const int ChunkBytes = 320 * 1024 * 12;

    private readonly GraphMailSender.GraphCall _call;
    private readonly GraphMailMessage _message;

    public GraphLargeMessage(GraphMailSender.GraphCall call, GraphMailMessage message)
    {
        _call = call;
        _message = message;
    }

    public async Task SendAsync()
    {
        byte[] content = Encoding.UTF8.GetBytes(_message.Body);
        string name = _message.IsHtml ? "notification.html" : "notification.txt";
        string note = string.Format(CultureInfo.InvariantCulture,
            "The body of this notification ({0:0.0} MB) is larger than Microsoft Graph accepts in a message; it is attached as {1}.", content.Length / 1048576.0, name);
        _call.Verbose?.Invoke($"The message is {content.Length} bytes, over Microsoft Graph's request limit: sending it as a draft with the body attached as {name} through an upload session.");

        JsonNode? draft = await _call.SendAsync(HttpMethod.Post, GraphMailSender.UserPath(_call.From, "messages"),
            GraphMailSender.Utf8(GraphMailJson.Draft(_message, note, isHtml: false))).ConfigureAwait(false);
        string id = draft?["id"]?.GetValue<string>() ?? throw Unexpected("created a draft without an id");
        string messagePath = GraphMailSender.UserPath(_call.From, "messages/" + Uri.EscapeDataString(id));
        try
        {
            await UploadAsync(messagePath, name, content).ConfigureAwait(false);
            await _call.SendAsync(HttpMethod.Post, messagePath + "/send", null).ConfigureAwait(false);
        }
        catch (Exception) when (!_call.CancellationToken.IsCancellationRequested)
        {
            await DeleteDraftAsync(messagePath).ConfigureAwait(false);
            throw;
        }
    }

    private async Task UploadAsync(string messagePath, string name, byte[] content)
    {
        var item = new JsonObject
        {
            ["AttachmentItem"] = new JsonObject
            {
                ["attachmentType"] = "file",
                ["name"] = name,
                ["size"] = content.Length,
                ["contentType"] = _message.IsHtml ? "text/html" : "text/plain",
            },
        };
        JsonNode? session = await _call.SendAsync(HttpMethod.Post, messagePath + "/attachments/createUploadSession", GraphMailSender.Utf8(item)).ConfigureAwait(false);
        string uploadUrl = session?["uploadUrl"]?.GetValue<string>() ?? throw Unexpected("opened an upload session without an uploadUrl");
        var target = new Uri(uploadUrl);
        for (int offset = 0; offset < content.Length; offset += ChunkBytes)
        {
            int start = offset;
            int length = Math.Min(ChunkBytes, content.Length - start);
            await _call.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Put, target) { Content = new ByteArrayContent(content, start, length) };
                request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
                request.Content.Headers.ContentRange = new ContentRangeHeaderValue(start, start + length - 1, content.Length);
                return request;
            }, authorize: false).ConfigureAwait(false);
        }
    }

    private async Task DeleteDraftAsync(string messagePath)
    {
        try
        {
            await _call.SendAsync(HttpMethod.Delete, messagePath, null).ConfigureAwait(false);
        }
        catch (MessagingProviderException e)
        {
            _call.Verbose?.Invoke($"The unsent draft could not be deleted from {_call.From}'s Drafts folder: {e.Message}");
        }
    }

    private GraphSendMailException Unexpected(string what) =>
        new GraphSendMailException(ErrorIds.GraphSendMailFailed, ErrorKind.InvalidData,
            $"Microsoft Graph {what} for a large message from {_call.From}.", _call.From, 200, null, _call.Attempts);
}

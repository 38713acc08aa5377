using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace MessagingProvider.Cloud.Graph;

/// <summary>The JSON Microsoft Graph's message resource takes, for sendMail and for drafts.</summary>
internal static class GraphMailJson
{
    /// <summary>PR_DELETE_AFTER_SUBMIT: a sent draft is not kept in Sent Items (what saveToSentItems=false does for sendMail).</summary>
    private const string DeleteAfterSubmit = "Boolean 0x0E01";

    /// <summary><c>{ "message": {...}, "saveToSentItems": false }</c> for <c>POST /users/{id}/sendMail</c>.</summary>
    public static JsonObject SendMailBody(GraphMailMessage message) =>
        new JsonObject { ["message"] = Message(message, message.Body, message.IsHtml), ["saveToSentItems"] = message.SaveToSentItems };

    /// <summary>A draft for <c>POST /users/{id}/messages</c> with another body (the large one goes as an attachment).</summary>
    public static JsonObject Draft(GraphMailMessage message, string body, bool isHtml)
    {
        JsonObject draft = Message(message, body, isHtml);
        if (!message.SaveToSentItems)
        {
            draft["singleValueExtendedProperties"] = new JsonArray(new JsonObject { ["id"] = DeleteAfterSubmit, ["value"] = "true" });
        }

        return draft;
    }

    private static JsonObject Message(GraphMailMessage message, string body, bool isHtml)
    {
        var json = new JsonObject
        {
            ["subject"] = message.Subject,
            ["body"] = new JsonObject { ["contentType"] = isHtml ? "html" : "text", ["content"] = body },
            ["toRecipients"] = Recipients(message.To),
            ["ccRecipients"] = Recipients(message.Cc),
            ["bccRecipients"] = Recipients(message.Bcc),
        };
        if (message.Headers.Count > 0)
        {
            json["internetMessageHeaders"] = new JsonArray(message.Headers.Select(h => (JsonNode)new JsonObject { ["name"] = h.Key, ["value"] = h.Value }).ToArray());
        }

        return json;
    }

    private static JsonArray Recipients(IEnumerable<string> addresses) =>
        new JsonArray(addresses.Select(a => (JsonNode)new JsonObject { ["emailAddress"] = new JsonObject { ["address"] = a } }).ToArray());
}

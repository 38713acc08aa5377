using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MessagingProvider.TestSupport;

/// <summary>
/// The Groups Settings API (GET and PATCH /groups/v1/groups/{groupUniqueId}?alt=json): each
/// group's settings as Google keeps them (every field a string, booleans too), created with
/// Google's defaults when the group is first asked for. A token without the apps.groups.settings
/// scope is refused as Google does (403 insufficientPermissions); removing the scope from
/// <see cref="DelegatedScopes"/> makes the token endpoint refuse it (unauthorized_client).
/// </summary>
public sealed partial class GoogleStandIn
{
    public const string GroupsSettingsScope = "https://www.googleapis.com/auth/apps.groups.settings";

    private static readonly Dictionary<string, string[]> SettingValues = new Dictionary<string, string[]>(StringComparer.Ordinal)
    {
        ["whoCanJoin"] = new[] { "ANYONE_CAN_JOIN", "ALL_IN_DOMAIN_CAN_JOIN", "INVITED_CAN_JOIN", "CAN_REQUEST_TO_JOIN" },
        ["whoCanPostMessage"] = new[] { "NONE_CAN_POST", "ALL_MANAGERS_CAN_POST", "ALL_MEMBERS_CAN_POST", "ALL_OWNERS_CAN_POST", "ALL_IN_DOMAIN_CAN_POST", "ANYONE_CAN_POST" },
        ["includeInGlobalAddressList"] = new[] { "true", "false" },
        ["whoCanLeaveGroup"] = new[] { "ALL_MANAGERS_CAN_LEAVE", "ALL_OWNERS_CAN_LEAVE", "ALL_MEMBERS_CAN_LEAVE", "NONE_CAN_LEAVE" },
    };

    private readonly ConcurrentDictionary<string, string[]> _tokenScopes = new ConcurrentDictionary<string, string[]>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _groupSettings = new ConcurrentDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<string> _groupsSettingsRequests = new ConcurrentQueue<string>();

    /// <summary>The Groups Settings API's base address (Google's is https://www.googleapis.com/).</summary>
    public Uri GroupsSettingsApi => _server.BaseUri;

    /// <summary>Each Groups Settings request: "GET email" or "PATCH email field,field".</summary>
    public IReadOnlyList<string> GroupsSettingsRequests => _groupsSettingsRequests.ToArray();

    /// <summary>The scopes of every token issued, in order.</summary>
    public IReadOnlyList<string[]> IssuedScopes => _tokenScopes.Values.ToArray();

    /// <summary>Takes the Groups Settings scope out of the domain-wide delegation, as an administrator who never granted it.</summary>
    public void RefuseGroupsSettingsScope() => DelegatedScopes.Remove(GroupsSettingsScope);

    /// <summary>A token for the administrator with these scopes, for a test that reads the stand-in over HTTPS as a client would.</summary>
    public string IssueToken(params string[] scopes)
    {
        string token = "ya29." + SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _issued[token] = AdminUser;
        _tokenScopes[token] = scopes;
        return token;
    }

    private void MapGroupsSettings(WebApplication app)
    {
        app.MapGet("/groups/v1/groups/{groupUniqueId}", (Func<HttpContext, string, IResult>)GetGroupSettings);
        app.MapPatch("/groups/v1/groups/{groupUniqueId}", (Func<HttpContext, string, Task<IResult>>)PatchGroupSettings);
    }

    private IResult GetGroupSettings(HttpContext context, string groupUniqueId)
    {
        if (SettingsGate(context) is { } refused) return refused;
        _groupsSettingsRequests.Enqueue("GET " + groupUniqueId);
        if (SettingsOf(groupUniqueId) is not { } settings) return ApiError(404, "Resource Not Found: groupUniqueId", "notFound");
        lock (settings) return Results.Json(settings.DeepClone());
    }

    private async Task<IResult> PatchGroupSettings(HttpContext context, string groupUniqueId)
    {
        if (SettingsGate(context) is { } refused) return refused;
        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        _groupsSettingsRequests.Enqueue("PATCH " + groupUniqueId + " " + string.Join(",", body.Select(p => p.Key)));
        if (SettingsOf(groupUniqueId) is not { } settings) return ApiError(404, "Resource Not Found: groupUniqueId", "notFound");
        foreach (KeyValuePair<string, JsonNode?> field in body)
        {
            // The API takes strings only, "true"/"false" included.
            if (field.Value is not JsonValue value || !value.TryGetValue(out string? text)) return ApiError(400, $"Invalid Value: {field.Key}", "invalid");
            if (SettingValues.TryGetValue(field.Key, out string[]? allowed) && !allowed.Contains(text, StringComparer.Ordinal)) return ApiError(400, $"Invalid Value: {field.Key}", "invalid");
        }

        lock (settings)
        {
            foreach (KeyValuePair<string, JsonNode?> field in body) settings[field.Key] = field.Value!.DeepClone();
            return Results.Json(settings.DeepClone());
        }
    }

    /// <summary>Google's JSON only when asked for with alt=json; a token of the administrator with the Groups Settings scope.</summary>
    private IResult? SettingsGate(HttpContext context)
    {
        if (Gate(context) is { } refused) return refused;
        if (context.Request.Query["alt"] != "json") return ApiError(400, "The stand-in answers alt=json only.", "invalidParameter");
        string token = context.Request.Headers.Authorization.ToString().Substring(7);
        if (!_tokenScopes.TryGetValue(token, out string[]? scopes) || !scopes.Contains(GroupsSettingsScope, StringComparer.Ordinal))
        {
            return ApiError(403, "Request had insufficient authentication scopes.", "insufficientPermissions");
        }

        return null;
    }

    /// <summary>The settings of a group (by email, alias or ID), with Google's defaults on first use; null when there is no such group.</summary>
    private JsonObject? SettingsOf(string groupKey)
    {
        if (GroupEmail(groupKey) is not { } email) return null;
        return _groupSettings.GetOrAdd(email, e => new JsonObject
        {
            ["kind"] = "groupsSettings#groups",
            ["email"] = e,
            ["name"] = _groups[e]["name"]!.DeepClone(),
            ["whoCanJoin"] = "CAN_REQUEST_TO_JOIN",
            ["whoCanViewMembership"] = "ALL_IN_DOMAIN_CAN_VIEW",
            ["whoCanPostMessage"] = "ANYONE_CAN_POST",
            ["whoCanLeaveGroup"] = "ALL_MEMBERS_CAN_LEAVE",
            ["allowExternalMembers"] = "false",
            ["includeInGlobalAddressList"] = "true",
            ["isArchived"] = "false",
        });
    }
}

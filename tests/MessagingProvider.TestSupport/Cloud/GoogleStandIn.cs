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
/// Google's OAuth 2.0 token endpoint (JWT-bearer grant of a service account with domain-wide
/// delegation: RS256 signature checked with the key's public half, <c>sub</c> = the impersonated
/// user, scopes checked against the delegation) and the Admin SDK Directory API for groups,
/// members and the aliases of users and groups (insert, list, delete; an address is unique across
/// users, groups and aliases), with Google's error JSON.
/// </summary>
public sealed partial class GoogleStandIn : IAsyncDisposable
{
    private const string JwtBearer = "urn:ietf:params:oauth:grant-type:jwt-bearer";
    private readonly ConcurrentDictionary<string, string> _issued = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, JsonObject> _groups = new ConcurrentDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<JsonObject>> _members = new ConcurrentDictionary<string, List<JsonObject>>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, List<string>> _aliases = new ConcurrentDictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
    private HttpsStandInHost _server = null!;
    private int _throttle;
    private int _tokenRequests;
    private int _apiRequests;

    public string ServiceAccount { get; set; } = "mp-directory@contoso-mail.iam.gserviceaccount.com";
    public string AdminUser { get; set; } = "admin@contoso.com";
    public HashSet<string> Users { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "admin@contoso.com", "alice@contoso.com" };

    /// <summary>The public half of the service account's key, as Google holds it.</summary>
    public RSA? PublicKey { get; set; }

    /// <summary>The scopes granted to the service account in "Manage domain-wide delegation".</summary>
    public HashSet<string> DelegatedScopes { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "https://www.googleapis.com/auth/admin.directory.group",
        "https://www.googleapis.com/auth/admin.directory.user",
        "https://www.googleapis.com/auth/admin.directory.domain.readonly",
        GroupsSettingsScope,
    };

    /// <summary>The customer's domains and each one's domain aliases (domains.list).</summary>
    public Dictionary<string, string[]> Domains { get; } = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase) { ["contoso.com"] = Array.Empty<string>() };

    /// <summary>How many times domains.list was called.</summary>
    public int DomainListRequests => Volatile.Read(ref _domainListRequests);

    /// <summary>Each groups.list and users.list request: path and query string.</summary>
    public IReadOnlyList<string> ListRequests => _listRequests.ToArray();

    private int _domainListRequests;
    private readonly ConcurrentQueue<string> _listRequests = new ConcurrentQueue<string>();

    public Uri TokenEndpoint => new Uri(_server.BaseUri, "token");
    public Uri DirectoryApi => _server.BaseUri;
    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public int ApiRequests => Volatile.Read(ref _apiRequests);

    /// <summary>The claims and header of the last assertion that passed every check.</summary>
    public SignedJwt? LastAssertion { get; private set; }

    /// <summary>The next N Directory API requests fail with this status and reason.</summary>
    public void Throttle(int requests, int status = 429, string reason = "rateLimitExceeded")
    {
        ThrottleStatus = status;
        ThrottleReason = reason;
        Interlocked.Exchange(ref _throttle, requests);
    }

    public int ThrottleStatus { get; private set; }
    public string ThrottleReason { get; private set; } = "";

    public void SeedMembers(string group, int count) =>
        _members.GetOrAdd(group, _ => new List<JsonObject>()).AddRange(Enumerable.Range(1, count).Select(i =>
            new JsonObject { ["kind"] = "admin#directory#member", ["id"] = $"1{i:000000}", ["email"] = $"member{i:0000}@contoso.com", ["role"] = "MEMBER", ["type"] = "USER", ["status"] = "ACTIVE" }));

    public static async Task<GoogleStandIn> StartAsync()
    {
        var standIn = new GoogleStandIn();
        standIn._server = await HttpsStandInHost.StartAsync(app =>
        {
            // Cast: a method taking only HttpContext would bind as a RequestDelegate and drop its IResult.
            app.MapPost("/token", (Func<HttpContext, Task<IResult>>)standIn.Token);
            app.MapPost("/v1/projects/-/serviceAccounts/{name}", standIn.SignJwt);
            app.MapPost("/admin/directory/v1/groups", (Func<HttpContext, Task<IResult>>)standIn.InsertGroup);
            app.MapGet("/admin/directory/v1/groups/{groupKey}", standIn.GetGroup);
            app.MapPost("/admin/directory/v1/groups/{groupKey}/members", standIn.InsertMember);
            app.MapGet("/admin/directory/v1/groups/{groupKey}/members", standIn.ListMembers);
            app.MapPost("/admin/directory/v1/users/{userKey}/aliases", standIn.InsertAlias);
            app.MapGet("/admin/directory/v1/users/{userKey}/aliases", standIn.ListAliases);
            app.MapDelete("/admin/directory/v1/users/{userKey}/aliases/{alias}", standIn.DeleteAlias);
            app.MapPost("/admin/directory/v1/groups/{groupKey}/aliases", standIn.InsertGroupAlias);
            app.MapDelete("/admin/directory/v1/groups/{groupKey}/aliases/{alias}", standIn.DeleteGroupAlias);
            app.MapGet("/admin/directory/v1/users/{userKey}", standIn.GetUser);
            app.MapGet("/admin/directory/v1/customer/{customer}/domains", standIn.ListDomains);
            app.MapGet("/admin/directory/v1/groups", (Func<HttpContext, IResult>)standIn.ListGroups);
            app.MapGet("/admin/directory/v1/users", (Func<HttpContext, IResult>)standIn.ListUsers);
            app.MapDelete("/admin/directory/v1/groups/{groupKey}", standIn.DeleteGroup);
            app.MapPatch("/admin/directory/v1/groups/{groupKey}", (Func<HttpContext, string, Task<IResult>>)standIn.PatchGroup);
            standIn.MapGroupsSettings(app);
        });
        standIn._metadata = await StartMetadataServerAsync(standIn);
        return standIn;
    }

    public async ValueTask DisposeAsync()
    {
        await _metadata.DisposeAsync();
        await _server.DisposeAsync();
    }

    private async Task<IResult> Token(HttpContext context)
    {
        Interlocked.Increment(ref _tokenRequests);
        IFormCollection form = await context.Request.ReadFormAsync();
        if (form["grant_type"] != JwtBearer) return TokenError(400, "unsupported_grant_type", "Invalid grant_type: " + form["grant_type"]);
        SignedJwt? jwt = SignedJwt.TryParse(form["assertion"]);
        if (jwt is null) return TokenError(400, "invalid_grant", "Invalid JWT: malformed.");
        if (jwt.Algorithm != "RS256" || !(PublicKey is not null && jwt.VerifySignature(PublicKey) || SignedByGoogleManagedKey(jwt))) return TokenError(400, "invalid_grant", "Invalid JWT Signature.");
        if (jwt.Claim("iss") != ServiceAccount) return TokenError(400, "invalid_grant", "Invalid grant: account not found");
        // Google checks its own token URL as audience whatever URL the request went to (Google.Apis sends it so).
        if (jwt.Claim("aud") != "https://oauth2.googleapis.com/token") return TokenError(400, "invalid_grant", $"Invalid JWT: audience {jwt.Claim("aud")}.");
        DateTimeOffset now = DateTimeOffset.UtcNow;
        DateTimeOffset? issued = jwt.Time("iat");
        DateTimeOffset? expires = jwt.Time("exp");
        if (issued is null || expires is null || issued > now.AddMinutes(5) || expires < now || expires - issued > TimeSpan.FromHours(1))
        {
            return TokenError(400, "invalid_grant", "Invalid JWT: Token must be a short-lived token (60 minutes) and in a reasonable timeframe. Check your iat and exp values in the JWT claim.");
        }

        string? subject = jwt.Claim("sub");
        if (subject is null || !Users.Contains(subject)) return TokenError(400, "invalid_grant", "Invalid email or User ID");
        string[] scopes = (jwt.Claim("scope") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (scopes.Length == 0 || !scopes.All(DelegatedScopes.Contains))
        {
            return TokenError(401, "unauthorized_client", "Client is unauthorized to retrieve access tokens using this method, or client not authorized for any of the scopes requested.");
        }

        LastAssertion = jwt;
        string token = "ya29." + SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _issued[token] = subject;
        _tokenScopes[token] = scopes;
        return Results.Json(new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
    }

    private IResult? Gate(HttpContext context)
    {
        Interlocked.Increment(ref _apiRequests);
        string header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_issued.ContainsKey(header.Substring(7)))
        {
            return ApiError(401, "Login Required.", "required");
        }

        if (Interlocked.Decrement(ref _throttle) >= 0)
        {
            return ApiError(ThrottleStatus, ThrottleStatus == 503 ? "The service is currently unavailable." : "Quota exceeded for quota metric 'Queries' and limit 'Queries per minute per user'.", ThrottleReason);
        }

        return null;
    }

    private async Task<IResult> InsertGroup(HttpContext context)
    {
        if (Gate(context) is { } refused) return refused;
        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        string email = body["email"]!.GetValue<string>();
        if (!email.EndsWith("@contoso.com", StringComparison.OrdinalIgnoreCase)) return ApiError(400, "Invalid Input: email", "invalid");
        var group = new JsonObject
        {
            ["kind"] = "admin#directory#group",
            ["id"] = "03x" + Guid.NewGuid().ToString("N").Substring(0, 12),
            ["etag"] = "\"" + Guid.NewGuid().ToString("N") + "\"",
            ["email"] = email,
            ["name"] = body["name"]?.GetValue<string>() ?? email,
            ["description"] = body["description"]?.GetValue<string>() ?? "",
            ["directMembersCount"] = "0",
            ["adminCreated"] = true,
        };
        if (AddressTaken(email)) return ApiError(409, "Entity already exists.", "duplicate");
        return _groups.TryAdd(email, group) ? Results.Json(group) : ApiError(409, "Entity already exists.", "duplicate");
    }

    private IResult GetGroup(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (GroupEmail(groupKey) is not { } email) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        JsonObject copy = (JsonObject)_groups[email].DeepClone();
        copy["directMembersCount"] = (_members.TryGetValue(email, out var m) ? m.Count : 0).ToString();
        if (AliasesOf(email) is { Count: > 0 } aliases) copy["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)a).ToArray());
        return Results.Json(copy);
    }

    private async Task<IResult> InsertMember(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (!_groups.ContainsKey(groupKey)) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        string email = body["email"]!.GetValue<string>();
        List<JsonObject> members = _members.GetOrAdd(groupKey, _ => new List<JsonObject>());
        lock (members)
        {
            if (members.Any(x => string.Equals(x["email"]!.GetValue<string>(), email, StringComparison.OrdinalIgnoreCase)))
            {
                return ApiError(409, "Member already exists.", "duplicate");
            }

            var member = new JsonObject { ["kind"] = "admin#directory#member", ["id"] = Guid.NewGuid().ToString("N").Substring(0, 10), ["email"] = email, ["role"] = body["role"]?.GetValue<string>() ?? "MEMBER", ["type"] = "USER", ["status"] = "ACTIVE" };
            members.Add(member);
            return Results.Json(member);
        }
    }

    private IResult ListMembers(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (!_groups.ContainsKey(groupKey)) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        List<JsonObject> all = _members.TryGetValue(groupKey, out var m) ? m : new List<JsonObject>();
        string? roles = context.Request.Query["roles"];
        if (!string.IsNullOrEmpty(roles)) all = all.Where(x => roles.Split(',').Contains(x["role"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase)).ToList();
        int size = int.TryParse(context.Request.Query["maxResults"], out int s) ? Math.Min(s, 200) : 200;
        int skip = int.TryParse(context.Request.Query["pageToken"], out int t) ? t : 0;
        var page = new JsonObject { ["kind"] = "admin#directory#members", ["etag"] = "\"e\"", ["members"] = new JsonArray(all.Skip(skip).Take(size).Select(x => (JsonNode)x.DeepClone()).ToArray()) };
        if (skip + size < all.Count) page["nextPageToken"] = (skip + size).ToString();
        return Results.Json(page);
    }

    private async Task<IResult> InsertAlias(HttpContext context, string userKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (!Users.Contains(userKey)) return ApiError(404, "Resource Not Found: userKey", "notFound");
        return await AddAlias(context, userKey);
    }

    private async Task<IResult> InsertGroupAlias(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (GroupEmail(groupKey) is not { } email) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        return await AddAlias(context, email);
    }

    private async Task<IResult> AddAlias(HttpContext context, string owner)
    {
        string alias = (await JsonNode.ParseAsync(context.Request.Body))!["alias"]!.GetValue<string>();
        if (!alias.EndsWith("@contoso.com", StringComparison.OrdinalIgnoreCase)) return ApiError(400, "Invalid Input: alias", "invalid");
        List<string> aliases = _aliases.GetOrAdd(owner, _ => new List<string>());
        lock (aliases)
        {
            if (AddressTaken(alias)) return ApiError(409, "Entity already exists.", "duplicate");
            aliases.Add(alias);
        }

        return Results.Json(new JsonObject { ["kind"] = "admin#directory#alias", ["id"] = "1234", ["etag"] = "\"a\"", ["primaryEmail"] = owner, ["alias"] = alias });
    }

    private IResult DeleteAlias(HttpContext context, string userKey, string alias)
    {
        if (Gate(context) is { } refused) return refused;
        if (!Users.Contains(userKey)) return ApiError(404, "Resource Not Found: userKey", "notFound");
        return RemoveAlias(userKey, alias);
    }

    private IResult DeleteGroupAlias(HttpContext context, string groupKey, string alias)
    {
        if (Gate(context) is { } refused) return refused;
        if (GroupEmail(groupKey) is not { } email) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        return RemoveAlias(email, alias);
    }

    private IResult RemoveAlias(string owner, string alias)
    {
        List<string>? aliases = _aliases.TryGetValue(owner, out var a) ? a : null;
        lock (aliases ?? new List<string>())
        {
            if (aliases is null || aliases.RemoveAll(x => string.Equals(x, alias, StringComparison.OrdinalIgnoreCase)) == 0)
            {
                return ApiError(404, "Resource Not Found: aliasKey", "notFound");
            }
        }

        return Results.NoContent();
    }

    /// <summary>The aliases of a user or group (by primary address), a copy.</summary>
    public IReadOnlyList<string> AliasesOf(string owner)
    {
        if (!_aliases.TryGetValue(owner, out var aliases)) return Array.Empty<string>();
        lock (aliases) return aliases.ToArray();
    }

    /// <summary>Google keeps one namespace of addresses: users, groups and every alias.</summary>
    private bool AddressTaken(string address) =>
        Users.Contains(address) || _groups.ContainsKey(address) || _aliases.Values.Any(list => { lock (list) return list.Contains(address, StringComparer.OrdinalIgnoreCase); });

    /// <summary>A group key is its email, an alias or its ID.</summary>
    private string? GroupEmail(string groupKey)
    {
        if (_groups.ContainsKey(groupKey)) return _groups[groupKey]["email"]!.GetValue<string>();
        JsonObject? byId = _groups.Values.FirstOrDefault(g => g["id"]!.GetValue<string>() == groupKey);
        if (byId is not null) return byId["email"]!.GetValue<string>();
        return _groups.Keys.FirstOrDefault(email => AliasesOf(email).Contains(groupKey, StringComparer.OrdinalIgnoreCase));
    }

    /// <summary>The groups created, by email.</summary>
    public IReadOnlyDictionary<string, JsonObject> Groups => _groups;

    private IResult ListAliases(HttpContext context, string userKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (!Users.Contains(userKey)) return ApiError(404, "Resource Not Found: userKey", "notFound");
        List<string> aliases = _aliases.TryGetValue(userKey, out var a) ? a : new List<string>();
        return Results.Json(new JsonObject
        {
            ["kind"] = "admin#directory#aliases",
            ["etag"] = "\"l\"",
            ["aliases"] = new JsonArray(aliases.Select(x => (JsonNode)new JsonObject { ["kind"] = "admin#directory#alias", ["id"] = "1234", ["primaryEmail"] = userKey, ["alias"] = x }).ToArray()),
        });
    }

    private IResult GetUser(HttpContext context, string userKey)
    {
        if (Gate(context) is { } refused) return refused;
        // A user key is the primary address or one of its aliases.
        userKey = Users.FirstOrDefault(u => string.Equals(u, userKey, StringComparison.OrdinalIgnoreCase) || AliasesOf(u).Contains(userKey, StringComparer.OrdinalIgnoreCase)) ?? userKey;
        if (!Users.Contains(userKey)) return ApiError(404, "Resource Not Found: userKey", "notFound");
        var user = new JsonObject { ["kind"] = "admin#directory#user", ["id"] = "1000", ["primaryEmail"] = userKey, ["isAdmin"] = string.Equals(userKey, AdminUser, StringComparison.OrdinalIgnoreCase) };
        if (AliasesOf(userKey) is { Count: > 0 } aliases) user["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)a).ToArray());
        return Results.Json(user);
    }

    private IResult ListDomains(HttpContext context, string customer)
    {
        if (Gate(context) is { } refused) return refused;
        Interlocked.Increment(ref _domainListRequests);
        if (customer != "my_customer") return ApiError(400, "Bad Request", "badRequest");
        return Results.Json(new JsonObject
        {
            ["kind"] = "admin#directory#domainsList",
            ["domains"] = new JsonArray(Domains.Select(d => (JsonNode)new JsonObject
            {
                ["kind"] = "admin#directory#domain",
                ["domainName"] = d.Key,
                ["isPrimary"] = d.Key == Domains.Keys.First(),
                ["verified"] = true,
                ["domainAliases"] = new JsonArray(d.Value.Select(a => (JsonNode)new JsonObject { ["domainAliasName"] = a, ["parentDomainName"] = d.Key, ["verified"] = true }).ToArray()),
            }).ToArray()),
        });
    }

    private IResult ListGroups(HttpContext context)
    {
        if (Gate(context) is { } refused) return refused;
        _listRequests.Enqueue(context.Request.Path + context.Request.QueryString);
        IEnumerable<JsonObject> all = _groups.Values.OrderBy(g => g["email"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase).Select(g =>
        {
            var copy = (JsonObject)g.DeepClone();
            if (AliasesOf(g["email"]!.GetValue<string>()) is { Count: > 0 } aliases) copy["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)a).ToArray());
            return copy;
        });
        return ListPage(context, "groups", "admin#directory#groups", all.Where(g => Matches(context.Request.Query["query"], g["name"]!.GetValue<string>(), g["email"]!.GetValue<string>())));
    }

    private IResult ListUsers(HttpContext context)
    {
        if (Gate(context) is { } refused) return refused;
        _listRequests.Enqueue(context.Request.Path + context.Request.QueryString);
        IEnumerable<JsonObject> all = Users.OrderBy(u => u, StringComparer.OrdinalIgnoreCase).Select(u =>
        {
            string local = u.Substring(0, u.IndexOf('@'));
            var user = new JsonObject { ["kind"] = "admin#directory#user", ["id"] = "1" + Math.Abs(u.GetHashCode() % 100000), ["primaryEmail"] = u, ["name"] = new JsonObject { ["fullName"] = char.ToUpperInvariant(local[0]) + local.Substring(1) } };
            if (AliasesOf(u) is { Count: > 0 } aliases) user["aliases"] = new JsonArray(aliases.Select(a => (JsonNode)a).ToArray());
            return user;
        });
        return ListPage(context, "users", "admin#directory#users", all.Where(u => Matches(context.Request.Query["query"], u["name"]!["fullName"]!.GetValue<string>(), u["primaryEmail"]!.GetValue<string>())));
    }

    /// <summary>Google's search: name:'Prefix*', name:'Exact', email:prefix*.</summary>
    private static bool Matches(string? query, string name, string email)
    {
        if (string.IsNullOrEmpty(query)) return true;
        var m = System.Text.RegularExpressions.Regex.Match(query, @"^(name|email):'?(.*?)(\*)?'?$");
        if (!m.Success) return false;
        string value = m.Groups[2].Value.Replace("\\'", "'");
        string target = m.Groups[1].Value == "name" ? name : email;
        return m.Groups[3].Success ? target.StartsWith(value, StringComparison.OrdinalIgnoreCase) : string.Equals(target, value, StringComparison.OrdinalIgnoreCase);
    }

    private static IResult ListPage(HttpContext context, string property, string kind, IEnumerable<JsonObject> all)
    {
        List<JsonObject> list = all.ToList();
        int size = int.TryParse(context.Request.Query["maxResults"], out int s) ? Math.Min(s, 200) : 100;
        int skip = int.TryParse(context.Request.Query["pageToken"], out int t) ? t : 0;
        var page = new JsonObject { ["kind"] = kind, ["etag"] = "\"l\"", [property] = new JsonArray(list.Skip(skip).Take(size).Select(x => (JsonNode)x).ToArray()) };
        if (skip + size < list.Count) page["nextPageToken"] = (skip + size).ToString();
        return Results.Json(page);
    }

    private IResult DeleteGroup(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (GroupEmail(groupKey) is not { } email) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        _groups.TryRemove(email, out _);
        _members.TryRemove(email, out _);
        _aliases.TryRemove(email, out _);
        return Results.NoContent();
    }

    /// <summary>groups.patch: the fields of the body replace the group's (name and description only; the email is not renamed here).</summary>
    private async Task<IResult> PatchGroup(HttpContext context, string groupKey)
    {
        if (Gate(context) is { } refused) return refused;
        if (GroupEmail(groupKey) is not { } email) return ApiError(404, "Resource Not Found: groupKey", "notFound");
        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        JsonObject group = _groups[email];
        foreach (string field in new[] { "name", "description" })
        {
            if (body[field] is JsonNode value) group[field] = value.DeepClone();
        }

        return Results.Json(group.DeepClone());
    }

    /// <summary>Puts a group in the directory as if an administrator had made it, with owners among its members.</summary>
    public void SeedGroup(string email, string name, params string[] owners)
    {
        _groups[email] = new JsonObject
        {
            ["kind"] = "admin#directory#group", ["id"] = "03x" + Guid.NewGuid().ToString("N").Substring(0, 12), ["etag"] = "\"s\"",
            ["email"] = email, ["name"] = name, ["description"] = "", ["directMembersCount"] = "0", ["adminCreated"] = true,
        };
        List<JsonObject> members = _members.GetOrAdd(email, _ => new List<JsonObject>());
        foreach (string owner in owners) members.Add(new JsonObject { ["kind"] = "admin#directory#member", ["id"] = Guid.NewGuid().ToString("N").Substring(0, 10), ["email"] = owner, ["role"] = "OWNER", ["type"] = "USER", ["status"] = "ACTIVE" });
    }

    private static IResult TokenError(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error"] = error, ["error_description"] = description }, statusCode: status);

    private static IResult ApiError(int status, string message, string reason) =>
        Results.Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status,
                ["message"] = message,
                ["errors"] = new JsonArray(new JsonObject { ["message"] = message, ["domain"] = status == 429 || reason.EndsWith("LimitExceeded", StringComparison.Ordinal) ? "usageLimits" : "global", ["reason"] = reason }),
            },
        }, statusCode: status);
}

using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MessagingProvider.Cloud.Tests.StandIns;

/// <summary>
/// Exchange Online's REST admin API (InvokeCommand) for one tenant: checks the bearer token the
/// Entra stand-in issued for this endpoint, runs a handful of cmdlets against an in-memory
/// organisation, pages large results, and throttles on request.
/// </summary>
public sealed class ExchangeOnlineStandIn : IAsyncDisposable
{
    public const int PageSize = 1000;
    private readonly EntraStandIn _entra;
    private readonly ConcurrentDictionary<string, JsonObject> _groups = new ConcurrentDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<JsonObject> _requests = new ConcurrentQueue<JsonObject>();
    private StandInServer _server = null!;
    private int _throttleNext;
    private int _httpRequests;

    private ExchangeOnlineStandIn(EntraStandIn entra) => _entra = entra;

    public Uri Endpoint => _server.BaseUri;

    /// <summary>The next N requests are answered with this status and Retry-After.</summary>
    public void Throttle(int requests, int status = 429, int retryAfterSeconds = 1)
    {
        ThrottleStatus = status;
        RetryAfterSeconds = retryAfterSeconds;
        Interlocked.Exchange(ref _throttleNext, requests);
    }

    public int ThrottleStatus { get; private set; } = 429;

    public int RetryAfterSeconds { get; private set; } = 1;

    /// <summary>False: the app has a token but no Exchange role (403).</summary>
    public bool AppHasExchangeRole { get; set; } = true;

    public int RecipientCount { get; set; } = 2500;

    public string[] AcceptedDomains { get; set; } = { "contoso.com", "contoso.onmicrosoft.com" };

    public int HttpRequests => Volatile.Read(ref _httpRequests);

    /// <summary>Each accepted CmdletInput, in order.</summary>
    public IReadOnlyList<JsonObject> Requests => _requests.ToArray();

    public IReadOnlyDictionary<string, JsonObject> Groups => _groups;

    public static async Task<ExchangeOnlineStandIn> StartAsync(EntraStandIn entra)
    {
        var standIn = new ExchangeOnlineStandIn(entra);
        standIn._server = await StandInServer.StartAsync(app => app.MapPost("/adminapi/beta/{tenant}/InvokeCommand", standIn.InvokeCommand));
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> InvokeCommand(HttpContext context, string tenant)
    {
        Interlocked.Increment(ref _httpRequests);
        string? bearer = context.Request.Headers.Authorization.ToString() is { } h && h.StartsWith("Bearer ", StringComparison.Ordinal) ? h.Substring(7) : null;
        string audience = Endpoint.GetLeftPart(UriPartial.Authority) + "/.default";
        if (bearer is null || !_entra.Issued(bearer, audience))
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Unauthorized", ["message"] = "The access token is missing, invalid or not issued for this resource." } }, statusCode: 401);
        }

        if (!string.Equals(tenant, _entra.Tenant, StringComparison.OrdinalIgnoreCase) || context.Request.Headers["X-AnchorMailbox"] != $"UPN:SystemMailbox{{bb558c35-97f1-4cb9-8ff7-d53741dc928c}}@{_entra.Tenant}")
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "BadRequest", ["message"] = "Tenant or anchor mailbox does not match the token." } }, statusCode: 400);
        }

        if (Interlocked.Decrement(ref _throttleNext) >= 0)
        {
            context.Response.Headers.RetryAfter = RetryAfterSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "TooManyRequests", ["message"] = "Too many concurrent requests." } }, statusCode: ThrottleStatus);
        }

        if (!AppHasExchangeRole)
        {
            return Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = "Forbidden", ["message"] = "The role assigned to application isn't supported in this scenario." } }, statusCode: 403);
        }

        JsonObject input = (await JsonNode.ParseAsync(context.Request.Body) ?? new JsonObject())["CmdletInput"]!.AsObject();
        _requests.Enqueue((JsonObject)input.DeepClone());
        string name = input["CmdletName"]!.GetValue<string>();
        JsonObject parameters = input["Parameters"]?.AsObject() ?? new JsonObject();
        int skip = int.TryParse(context.Request.Query["$skiptoken"], out int s) ? s : 0;
        return name switch
        {
            "Get-AcceptedDomain" => Page(AcceptedDomains.Select(d => new JsonObject { ["DomainName"] = d, ["DomainType"] = "Authoritative", ["Default"] = d == AcceptedDomains[0] }), context, tenant, 0),
            "Get-Recipient" => Page(Enumerable.Range(1, RecipientCount).Select(i => new JsonObject { ["Name"] = $"user{i:0000}", ["PrimarySmtpAddress"] = $"user{i:0000}@contoso.com", ["RecipientTypeDetails"] = "UserMailbox" }), context, tenant, skip),
            "New-DistributionGroup" => NewDistributionGroup(parameters),
            "Get-DistributionGroup" => GetDistributionGroup(parameters),
            _ => CmdletError(400, "CommandNotFoundException", $"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program."),
        };
    }

    private IResult NewDistributionGroup(JsonObject parameters)
    {
        string name = parameters["Name"]!.GetValue<string>();
        string smtp = parameters["PrimarySmtpAddress"]?.GetValue<string>() ?? name + "@contoso.com";
        if (_groups.Values.Any(g => string.Equals(g["PrimarySmtpAddress"]!.GetValue<string>(), smtp, StringComparison.OrdinalIgnoreCase)))
        {
            return CmdletError(400, "Microsoft.Exchange.Management.Tasks.ProxyAddressExistsException", $"The proxy address \"SMTP:{smtp}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.");
        }

        var group = new JsonObject
        {
            ["Name"] = name,
            ["DisplayName"] = name,
            ["PrimarySmtpAddress"] = smtp,
            ["EmailAddresses"] = new JsonArray("SMTP:" + smtp),
            ["EmailAddresses@odata.type"] = "#Collection(String)",
            ["RecipientTypeDetails"] = "MailUniversalDistributionGroup",
            ["MemberCount"] = parameters["Members"] is JsonArray members ? members.Count : 0,
            ["ManagedBy"] = new JsonArray(),
        };
        _groups[name] = group;
        return Results.Json(new JsonObject
        {
            ["@odata.context"] = "https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)",
            ["adminapi.warnings"] = new JsonArray($"The group '{name}' was created without an owner."),
            ["value"] = new JsonArray(group.DeepClone()),
        });
    }

    private IResult GetDistributionGroup(JsonObject parameters)
    {
        string identity = parameters["Identity"]!.GetValue<string>();
        return _groups.TryGetValue(identity, out JsonObject? group)
            ? Results.Json(new JsonObject { ["value"] = new JsonArray(group.DeepClone()) })
            : CmdletError(404, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException", $"The operation couldn't be performed because object '{identity}' couldn't be found on 'AM0PR01A001DC01.EURPR01A001.prod.outlook.com'.");
    }

    private IResult Page(IEnumerable<JsonObject> all, HttpContext context, string tenant, int skip)
    {
        List<JsonObject> list = all.ToList();
        var page = new JsonArray(list.Skip(skip).Take(PageSize).Select(o => (JsonNode)o).ToArray());
        var answer = new JsonObject { ["value"] = page };
        if (skip + PageSize < list.Count)
        {
            answer["@odata.nextLink"] = $"{Endpoint}adminapi/beta/{tenant}/InvokeCommand?$skiptoken={skip + PageSize}";
        }

        return Results.Json(answer);
    }

    private static IResult CmdletError(int status, string exceptionType, string message) =>
        Results.Json(new JsonObject
        {
            ["error"] = new JsonObject
            {
                ["code"] = status == 404 ? "NotFound" : "BadRequest",
                ["message"] = $"Ex6F9304|{exceptionType}|{message}",
            },
        }, statusCode: status);
}

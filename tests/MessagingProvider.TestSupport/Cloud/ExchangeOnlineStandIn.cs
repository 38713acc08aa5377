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

namespace MessagingProvider.TestSupport;

/// <summary>
/// Exchange Online's REST admin API (InvokeCommand) for one tenant: checks the bearer token the
/// Entra stand-in issued for this endpoint, runs a handful of cmdlets against an in-memory
/// organisation (recipients created with New-DistributionGroup, New-MailContact, New-MailUser;
/// read with Get-Recipient; addresses set with Set-*), pages large results, and throttles on
/// request. Like Exchange Online it refuses parameters its cmdlets do not have.
/// </summary>
public sealed class ExchangeOnlineStandIn : IAsyncDisposable
{
    public const int PageSize = 1000;
    private readonly EntraStandIn _entra;
    private readonly ConcurrentDictionary<string, JsonObject> _recipients = new ConcurrentDictionary<string, JsonObject>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentQueue<JsonObject> _requests = new ConcurrentQueue<JsonObject>();
    private HttpsStandInHost _server = null!;
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

    /// <summary>When set, @odata.nextLink points here instead of this endpoint (a tampered or misdirected answer).</summary>
    public string? NextLinkBase { get; set; }

    /// <summary>Each accepted CmdletInput, in order.</summary>
    public IReadOnlyList<JsonObject> Requests => _requests.ToArray();

    /// <summary>Every recipient by name (groups, mail contacts, mail users, and those added with <see cref="AddRecipient"/>).</summary>
    public IReadOnlyDictionary<string, JsonObject> Recipients => _recipients;

    public IReadOnlyDictionary<string, JsonObject> Groups =>
        _recipients.Where(r => r.Value["RecipientTypeDetails"]!.GetValue<string>().EndsWith("Group", StringComparison.Ordinal)).ToDictionary(r => r.Key, r => r.Value, StringComparer.OrdinalIgnoreCase);

    /// <summary>A recipient that exists already (a licensed user's mailbox, a synchronized object).</summary>
    public void AddRecipient(string name, string recipientTypeDetails, params string[] emailAddresses) =>
        _recipients[name] = Recipient(name, name, recipientTypeDetails, emailAddresses);

    public static async Task<ExchangeOnlineStandIn> StartAsync(EntraStandIn entra)
    {
        var standIn = new ExchangeOnlineStandIn(entra);
        standIn._server = await HttpsStandInHost.StartAsync(app => app.MapPost("/adminapi/beta/{tenant}/InvokeCommand", standIn.InvokeCommand));
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private async Task<IResult> InvokeCommand(HttpContext context, string tenant)
    {
        Interlocked.Increment(ref _httpRequests);
        if (!_entra.Authorizes(context.Request, Endpoint))
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
        if (!Cmdlets.TryGetValue(name, out string[]? known))
        {
            return CmdletError(400, "CommandNotFoundException", $"The term '{name}' is not recognized as a name of a cmdlet, function, script file, or executable program.");
        }

        string? unknown = parameters.Select(p => p.Key).FirstOrDefault(p => !known.Contains(p, StringComparer.OrdinalIgnoreCase));
        if (unknown is not null)
        {
            return CmdletError(400, "System.Management.Automation.ParameterBindingException", $"A parameter cannot be found that matches parameter name '{unknown}'.");
        }

        return name switch
        {
            "Get-AcceptedDomain" => Page(AcceptedDomains.Select(d => new JsonObject { ["DomainName"] = d, ["DomainType"] = "Authoritative", ["Default"] = d == AcceptedDomains[0] }), context, tenant, 0),
            "Get-Recipient" when parameters["Identity"] is not null => GetRecipient(parameters),
            "Get-Recipient" when parameters["Filter"] is null && parameters["RecipientTypeDetails"] is null => Page(Enumerable.Range(1, RecipientCount).Select(i => new JsonObject { ["Name"] = $"user{i:0000}", ["PrimarySmtpAddress"] = $"user{i:0000}@contoso.com", ["RecipientTypeDetails"] = "UserMailbox" }), context, tenant, skip),
            "Get-Recipient" => Page(Search(parameters), context, tenant, skip),
            "Remove-DistributionGroup" or "Remove-MailContact" or "Remove-MailUser" => RemoveRecipient(name, parameters),
            "New-DistributionGroup" => NewRecipient(parameters, "MailUniversalDistributionGroup", $"The group '{parameters["Name"]}' was created without an owner."),
            "New-MailContact" => NewRecipient(parameters, "MailContact", null),
            "New-MailUser" => NewRecipient(parameters, "MailUser", null),
            "Get-DistributionGroup" => GetDistributionGroup(parameters),
            _ => SetEmailAddresses(name, parameters),
        };
    }

    /// <summary>The cmdlets this stand-in runs, with the parameters Exchange Online's own have (the ones the module may send).</summary>
    private static readonly Dictionary<string, string[]> Cmdlets = new Dictionary<string, string[]>(StringComparer.OrdinalIgnoreCase)
    {
        ["Get-AcceptedDomain"] = new[] { "Identity" },
        ["Get-Recipient"] = new[] { "Identity", "ResultSize", "RecipientTypeDetails", "Filter" },
        ["Remove-DistributionGroup"] = new[] { "Identity", "Confirm", "BypassSecurityGroupManagerCheck" },
        ["Remove-MailContact"] = new[] { "Identity", "Confirm" },
        ["Remove-MailUser"] = new[] { "Identity", "Confirm" },
        ["Get-DistributionGroup"] = new[] { "Identity", "ResultSize" },
        ["New-DistributionGroup"] = new[] { "Name", "Alias", "DisplayName", "PrimarySmtpAddress", "Members", "ManagedBy", "Notes", "Type", "RequireSenderAuthenticationEnabled" },
        ["New-MailContact"] = new[] { "Name", "Alias", "DisplayName", "ExternalEmailAddress", "FirstName", "LastName", "Initials" },
        ["New-MailUser"] = new[] { "Name", "Alias", "DisplayName", "ExternalEmailAddress", "PrimarySmtpAddress", "FirstName", "LastName", "MicrosoftOnlineServicesID", "Password" },
        ["Set-DistributionGroup"] = new[] { "Identity", "EmailAddresses", "DisplayName", "ManagedBy", "HiddenFromAddressListsEnabled", "RequireSenderAuthenticationEnabled", "MemberJoinRestriction", "MemberDepartRestriction" },
        ["Set-MailContact"] = new[] { "Identity", "EmailAddresses", "DisplayName", "HiddenFromAddressListsEnabled", "RequireSenderAuthenticationEnabled" },
        ["Set-MailUser"] = new[] { "Identity", "EmailAddresses", "DisplayName", "HiddenFromAddressListsEnabled", "RequireSenderAuthenticationEnabled" },
        ["Set-Mailbox"] = new[] { "Identity", "EmailAddresses", "DisplayName" },
    };

    private static JsonObject Recipient(string name, string alias, string type, IEnumerable<string> emailAddresses)
    {
        var addresses = new JsonArray(emailAddresses.Select(a => (JsonNode)a).ToArray());
        string primary = emailAddresses.First(a => a.StartsWith("SMTP:", StringComparison.Ordinal)).Substring(5);
        return new JsonObject
        {
            ["Name"] = name,
            ["Alias"] = alias,
            ["DisplayName"] = name,
            ["PrimarySmtpAddress"] = primary,
            ["EmailAddresses"] = addresses,
            ["EmailAddresses@odata.type"] = "#Collection(String)",
            ["RecipientTypeDetails"] = type,
            ["Identity"] = name,
            ["HiddenFromAddressListsEnabled"] = false,
        };
    }

    /// <summary>The recipient whose name, alias or any address is <paramref name="identity"/>.</summary>
    private JsonObject? Find(string identity)
    {
        string bare = identity.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase) ? identity.Substring(5) : identity;
        return _recipients.Values.FirstOrDefault(r =>
            string.Equals(r["Name"]!.GetValue<string>(), identity, StringComparison.OrdinalIgnoreCase)
            || string.Equals(r["Alias"]!.GetValue<string>(), identity, StringComparison.OrdinalIgnoreCase)
            || r["EmailAddresses"]!.AsArray().Any(a => string.Equals(a!.GetValue<string>().Substring(5), bare, StringComparison.OrdinalIgnoreCase)));
    }

    private JsonObject? OwnerOf(string address, JsonObject? except) =>
        _recipients.Values.FirstOrDefault(r => r != except && r["EmailAddresses"]!.AsArray().Any(a => string.Equals(a!.GetValue<string>().Substring(5), address, StringComparison.OrdinalIgnoreCase)));

    private static IResult NotFound(string identity) =>
        CmdletError(404, "Microsoft.Exchange.Configuration.Tasks.ManagementObjectNotFoundException", $"The operation couldn't be performed because object '{identity}' couldn't be found on 'AM0PR01A001DC01.EURPR01A001.prod.outlook.com'.");

    private IResult GetRecipient(JsonObject parameters)
    {
        string identity = parameters["Identity"]!.GetValue<string>();
        JsonObject? recipient = Find(identity);
        if (recipient is not null && parameters["RecipientTypeDetails"] is JsonArray types && !types.Any(t => string.Equals(t!.GetValue<string>(), recipient["RecipientTypeDetails"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase)))
        {
            recipient = null;
        }

        return recipient is null ? NotFound(identity) : Results.Json(new JsonObject { ["value"] = new JsonArray(recipient.DeepClone()) });
    }

    /// <summary>The tenant's mailboxes (<see cref="RecipientCount"/> of them) and the recipients created here, of the types and OPATH filter asked for, up to -ResultSize.</summary>
    private IEnumerable<JsonObject> Search(JsonObject parameters)
    {
        IEnumerable<JsonObject> all = Enumerable.Range(1, RecipientCount)
            .Select(i => Recipient($"user{i:0000}", $"user{i:0000}", "UserMailbox", new[] { $"SMTP:user{i:0000}@contoso.com" }))
            .Concat(_recipients.Values.Select(r => (JsonObject)r.DeepClone()).OrderBy(r => r["Name"]!.GetValue<string>(), StringComparer.OrdinalIgnoreCase));
        if (parameters["RecipientTypeDetails"] is JsonArray types)
        {
            var wanted = types.Select(t => t!.GetValue<string>()).ToHashSet(StringComparer.OrdinalIgnoreCase);
            all = all.Where(r => wanted.Contains(r["RecipientTypeDetails"]!.GetValue<string>()));
        }

        if (parameters["Filter"] is JsonNode filter)
        {
            var shape = System.Text.RegularExpressions.Regex.Match(filter.GetValue<string>(), @"^\s*(\w+)\s+-(eq|like)\s+'((?:[^']|'')*)'\s*$");
            if (!shape.Success) throw new ArgumentException("Invalid filter: " + filter);
            string property = shape.Groups[1].Value;
            string value = shape.Groups[3].Value.Replace("''", "'");
            if (property.Equals("EmailAddresses", StringComparison.OrdinalIgnoreCase))
            {
                string bare = value.Substring(value.IndexOf(':') + 1);
                all = all.Where(r => r["EmailAddresses"]!.AsArray().Any(a => string.Equals(a!.GetValue<string>().Substring(5), bare, StringComparison.OrdinalIgnoreCase)));
            }
            else
            {
                var pattern = new System.Text.RegularExpressions.Regex("^" + System.Text.RegularExpressions.Regex.Escape(value).Replace("\\*", ".*") + "$", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
                all = all.Where(r => pattern.IsMatch(r["Name"]!.GetValue<string>()));
            }
        }

        string size = parameters["ResultSize"]?.ToString() ?? "1000";
        return string.Equals(size, "Unlimited", StringComparison.OrdinalIgnoreCase) ? all : all.Take(int.Parse(size, System.Globalization.CultureInfo.InvariantCulture));
    }

    private IResult RemoveRecipient(string cmdlet, JsonObject parameters)
    {
        string identity = parameters["Identity"]!.GetValue<string>();
        JsonObject? recipient = Find(identity);
        string type = recipient?["RecipientTypeDetails"]!.GetValue<string>() ?? "";
        bool fits = cmdlet == "Remove-DistributionGroup" ? type.EndsWith("Group", StringComparison.Ordinal) : string.Equals("Remove-" + type, cmdlet, StringComparison.OrdinalIgnoreCase);
        if (recipient is null || !fits) return NotFound(identity);
        _recipients.TryRemove(recipient["Name"]!.GetValue<string>(), out _);
        return Results.Json(new JsonObject { ["value"] = new JsonArray() });
    }

    private IResult SetEmailAddresses(string cmdlet, JsonObject parameters)
    {
        string identity = parameters["Identity"]!.GetValue<string>();
        JsonObject? recipient = Find(identity);
        string type = recipient?["RecipientTypeDetails"]!.GetValue<string>() ?? "";
        bool fits = cmdlet switch
        {
            "Set-DistributionGroup" => type.EndsWith("Group", StringComparison.Ordinal),
            "Set-Mailbox" => type.EndsWith("Mailbox", StringComparison.Ordinal),
            _ => string.Equals("Set-" + type, cmdlet, StringComparison.OrdinalIgnoreCase),
        };
        if (recipient is null || !fits) return NotFound(identity);
        if (parameters["EmailAddresses"] is not JsonArray wanted)
        {
            // The other Set- parameters are stored as sent (Get-Recipient then reports them).
            foreach (string name in new[] { "DisplayName", "ManagedBy", "HiddenFromAddressListsEnabled", "RequireSenderAuthenticationEnabled", "MemberJoinRestriction", "MemberDepartRestriction" })
            {
                if (parameters[name] is JsonNode value) recipient[name] = value.DeepClone();
            }

            return Results.Json(new JsonObject { ["value"] = new JsonArray() });
        }

        List<string> addresses = wanted.Select(a => a!.GetValue<string>()).ToList();
        List<string> primaries = addresses.Where(a => a.StartsWith("SMTP:", StringComparison.Ordinal)).ToList();
        if (primaries.Count != 1)
        {
            return CmdletError(400, "Microsoft.Exchange.Data.DataValidationException", "The e-mail address collection must contain exactly one primary SMTP address.");
        }

        string? taken = addresses.Where(a => a.StartsWith("smtp:", StringComparison.OrdinalIgnoreCase)).Select(a => a.Substring(5)).FirstOrDefault(a => OwnerOf(a, recipient) is not null);
        if (taken is not null)
        {
            return CmdletError(400, "Microsoft.Exchange.Management.Tasks.ProxyAddressExistsException", $"The proxy address \"SMTP:{taken}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.");
        }

        recipient["EmailAddresses"] = new JsonArray(addresses.Select(a => (JsonNode)a).ToArray());
        recipient["PrimarySmtpAddress"] = primaries[0].Substring(5);
        return Results.Json(new JsonObject { ["value"] = new JsonArray() });
    }

    private IResult NewRecipient(JsonObject parameters, string type, string? warning)
    {
        string name = parameters["Name"]!.GetValue<string>();
        string alias = parameters["Alias"]?.GetValue<string>() ?? name.Replace(" ", "");
        // A mail contact's primary address is its external address; others get their own or alias@<default domain>.
        string smtp = type == "MailContact"
            ? parameters["ExternalEmailAddress"]!.GetValue<string>()
            : parameters["PrimarySmtpAddress"]?.GetValue<string>() ?? alias + "@" + AcceptedDomains[0];
        if (Find(name) is not null)
        {
            return CmdletError(400, "Microsoft.Exchange.Management.Tasks.ADObjectAlreadyExistsException", $"The name \"{name}\" is already being used. Please try another name.");
        }

        if (OwnerOf(smtp, null) is not null)
        {
            return CmdletError(400, "Microsoft.Exchange.Management.Tasks.ProxyAddressExistsException", $"The proxy address \"SMTP:{smtp}\" is already being used by the proxy addresses or LegacyExchangeDN. Please choose another proxy address.");
        }

        JsonObject recipient = Recipient(name, alias, type, new[] { "SMTP:" + smtp });
        if (parameters["DisplayName"] is JsonNode display) recipient["DisplayName"] = display.GetValue<string>();
        if (type.EndsWith("Group", StringComparison.Ordinal))
        {
            recipient["MemberCount"] = parameters["Members"] is JsonArray members ? members.Count : 0;
            recipient["ManagedBy"] = new JsonArray();
        }

        if (parameters["ExternalEmailAddress"] is JsonNode external) recipient["ExternalEmailAddress"] = "SMTP:" + external.GetValue<string>();
        _recipients[name] = recipient;
        var answer = new JsonObject
        {
            ["@odata.context"] = "https://outlook.office365.com/adminapi/beta/$metadata#Collection(Exchange.GenericHashTable)",
            ["value"] = new JsonArray(recipient.DeepClone()),
        };
        if (warning is not null) answer["adminapi.warnings"] = new JsonArray(warning);
        return Results.Json(answer);
    }

    private IResult GetDistributionGroup(JsonObject parameters)
    {
        string identity = parameters["Identity"]!.GetValue<string>();
        return Find(identity) is { } group && Groups.ContainsKey(group["Name"]!.GetValue<string>())
            ? Results.Json(new JsonObject { ["value"] = new JsonArray(group.DeepClone()) })
            : NotFound(identity);
    }

    private IResult Page(IEnumerable<JsonObject> all, HttpContext context, string tenant, int skip)
    {
        List<JsonObject> list = all.ToList();
        var page = new JsonArray(list.Skip(skip).Take(PageSize).Select(o => (JsonNode)o).ToArray());
        var answer = new JsonObject { ["value"] = page };
        if (skip + PageSize < list.Count)
        {
            answer["@odata.nextLink"] = $"{NextLinkBase ?? Endpoint.ToString()}adminapi/beta/{tenant}/InvokeCommand?$skiptoken={skip + PageSize}";
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

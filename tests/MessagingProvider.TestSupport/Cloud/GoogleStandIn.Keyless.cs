using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessagingProvider.TestSupport;

/// <summary>
/// Keyless sign-in: the GCE/GKE metadata server (plain HTTP, as Google's is; its address is what
/// GCE_METADATA_HOST names) handing out the machine's ambient token, and the IAM Credentials API
/// signJwt, which checks that bearer token, that its identity holds Service Account Token Creator
/// on the target, and signs with a Google-managed key of the target that the token endpoint trusts.
/// </summary>
public sealed partial class GoogleStandIn
{
    private readonly RSA _managedKey = RSA.Create(2048);
    private readonly string _managedKeyId = Convert.ToHexString(RandomNumberGenerator.GetBytes(20)).ToLowerInvariant();
    private readonly ConcurrentDictionary<string, string> _ambientTokens = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    private WebApplication _metadata = null!;
    private int _metadataRequests;
    private int _signJwtRequests;

    /// <summary>The machine's own service account (the metadata server's "default").</summary>
    public string AmbientServiceAccount { get; set; } = "mp-runner@contoso-ops.iam.gserviceaccount.com";

    /// <summary>Who holds roles/iam.serviceAccountTokenCreator on <see cref="ServiceAccount"/>.</summary>
    public HashSet<string> TokenCreators { get; } = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "mp-runner@contoso-ops.iam.gserviceaccount.com" };

    /// <summary>host:port of the metadata server, the value of GCE_METADATA_HOST.</summary>
    public string MetadataHost { get; private set; } = "";

    /// <summary>The IAM Credentials API root (the same HTTPS host as the token endpoint).</summary>
    public Uri IamCredentialsEndpoint => _server.BaseUri;

    public int MetadataTokenRequests => Volatile.Read(ref _metadataRequests);

    public int SignJwtRequests => Volatile.Read(ref _signJwtRequests);

    /// <summary>The claims of the last JWT signJwt signed.</summary>
    public JsonObject? LastSignedPayload { get; private set; }

    private bool SignedByGoogleManagedKey(SignedJwt jwt) => jwt.HeaderValue("kid") == _managedKeyId && jwt.VerifySignature(_managedKey);

    private static async Task<WebApplication> StartMetadataServerAsync(GoogleStandIn standIn)
    {
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        WebApplication app = builder.Build();
        app.MapGet("/computeMetadata/v1/instance/service-accounts/default/token", (Func<HttpContext, IResult>)standIn.MetadataToken);
        await app.StartAsync();
        string address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        standIn.MetadataHost = new Uri(address).Authority;
        return app;
    }

    private IResult MetadataToken(HttpContext context)
    {
        Interlocked.Increment(ref _metadataRequests);
        // Google's metadata server refuses requests without the header (it blocks SSRF this way).
        if (context.Request.Headers["Metadata-Flavor"] != "Google") return Results.Text("Missing Metadata-Flavor:Google header.", statusCode: 403);
        string token = "ya29.c." + SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _ambientTokens[token] = AmbientServiceAccount;
        return Results.Json(new JsonObject { ["access_token"] = token, ["expires_in"] = 3599, ["token_type"] = "Bearer" });
    }

    private async Task<IResult> SignJwt(HttpContext context, string name)
    {
        Interlocked.Increment(ref _signJwtRequests);
        const string suffix = ":signJwt";
        if (!name.EndsWith(suffix, StringComparison.Ordinal)) return IamError(404, "Method not found.", "NOT_FOUND");
        string target = name.Substring(0, name.Length - suffix.Length);
        string header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_ambientTokens.TryGetValue(header.Substring(7), out string? caller))
        {
            return IamError(401, "Request had invalid authentication credentials. Expected OAuth 2 access token, login cookie or other valid authentication credential.", "UNAUTHENTICATED");
        }

        if (!string.Equals(target, ServiceAccount, StringComparison.OrdinalIgnoreCase) || !TokenCreators.Contains(caller))
        {
            return IamError(403, "Permission 'iam.serviceAccounts.signJwt' denied on resource (or it may not exist).", "PERMISSION_DENIED");
        }

        JsonObject body = (await JsonNode.ParseAsync(context.Request.Body))!.AsObject();
        JsonObject payload;
        try
        {
            payload = JsonNode.Parse(body["payload"]!.GetValue<string>())!.AsObject();
        }
        catch (Exception e) when (e is JsonException || e is InvalidOperationException || e is NullReferenceException)
        {
            return IamError(400, "Payload is not a valid JSON object.", "INVALID_ARGUMENT");
        }

        if (payload["exp"] is JsonNode exp && exp.GetValue<long>() > DateTimeOffset.UtcNow.AddHours(12).ToUnixTimeSeconds())
        {
            return IamError(400, "The exp claim may be at most 12 hours in the future.", "INVALID_ARGUMENT");
        }

        LastSignedPayload = payload;
        string head = SignedJwt.ToBase64Url(Encoding.UTF8.GetBytes(new JsonObject { ["alg"] = "RS256", ["kid"] = _managedKeyId, ["typ"] = "JWT" }.ToJsonString()));
        string claims = SignedJwt.ToBase64Url(Encoding.UTF8.GetBytes(payload.ToJsonString()));
        byte[] signature = _managedKey.SignData(Encoding.ASCII.GetBytes(head + "." + claims), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        return Results.Json(new JsonObject { ["keyId"] = _managedKeyId, ["signedJwt"] = head + "." + claims + "." + SignedJwt.ToBase64Url(signature) });
    }

    private static IResult IamError(int status, string message, string code) =>
        Results.Json(new JsonObject { ["error"] = new JsonObject { ["code"] = status, ["message"] = message, ["status"] = code } }, statusCode: status);
}

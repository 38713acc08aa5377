using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace MessagingProvider.TestSupport;

/// <summary>
/// The Microsoft Entra ID v2.0 token endpoint for one tenant and one app registration: client
/// credentials with a client secret or a certificate-signed client assertion, answering errors
/// with the AADSTS codes and JSON shape the real service uses.
/// </summary>
public sealed class EntraStandIn : IAsyncDisposable
{
    private const string AssertionType = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer";
    private readonly ConcurrentDictionary<string, string> _issued = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    private int _tokenRequests;
    private int _verifiedAssertions;
    private HttpsStandInHost _server = null!;

    public string Tenant { get; } = "contoso.onmicrosoft.com";
    public string TenantId { get; } = "0c4f5d6e-1a2b-4c3d-8e9f-a0b1c2d3e4f5";
    public string ClientId { get; set; } = "6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10";
    public string ClientSecret { get; set; } = "Qx8~stand-in-secret";

    /// <summary>The public certificate uploaded to the app registration.</summary>
    public X509Certificate2? UploadedCertificate { get; set; }

    public bool SecretExpired { get; set; }
    public bool AdminConsented { get; set; } = true;

    /// <summary>The server's clock relative to the client's (to make assertions look out of date).</summary>
    public TimeSpan ClockOffset { get; set; }

    public int TokenLifetimeSeconds { get; set; } = 3599;

    public Uri AuthorityHost => _server.BaseUri;
    public int TokenRequests => Volatile.Read(ref _tokenRequests);
    public int VerifiedAssertions => Volatile.Read(ref _verifiedAssertions);

    /// <summary>True when the stand-in issued this token for this scope.</summary>
    public bool Issued(string token, string scope) => _issued.TryGetValue(token, out string? s) && s == scope;

    /// <summary>Whether a request to <paramref name="resource"/> carries a bearer token this stand-in issued for that resource's .default scope.</summary>
    public bool Authorizes(HttpRequest request, Uri resource)
    {
        string header = request.Headers.Authorization.ToString();
        return header.StartsWith("Bearer ", StringComparison.Ordinal) && Issued(header.Substring(7), resource.GetLeftPart(UriPartial.Authority) + "/.default");
    }

    /// <param name="certificate">The TLS certificate; by default the one the tests trust.</param>
    public static async Task<EntraStandIn> StartAsync(X509Certificate2? certificate = null)
    {
        var standIn = new EntraStandIn();
        standIn._server = await HttpsStandInHost.StartAsync(app =>
        {
            app.MapGet("/common/discovery/instance", standIn.InstanceDiscovery);
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", standIn.OpenIdConfiguration);
            app.MapPost("/{tenant}/oauth2/v2.0/token", standIn.Token);
            app.MapPost("/{tenant}/oauth2/v2.0/devicecode", standIn.DeviceCode);
            app.MapGet("/msi/token", standIn.ManagedIdentityToken);
        }, certificate);
        return standIn;
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    /// <summary>
    /// The App Service / Azure Automation managed identity endpoint (api-version 2019-08-01): what
    /// MSAL calls when IDENTITY_ENDPOINT and IDENTITY_HEADER are set. Its tokens are this stand-in's
    /// own, so the Exchange Online and Graph stand-ins accept them.
    /// </summary>
    public Uri ManagedIdentityEndpoint => new Uri(_server.BaseUri, "msi/token");

    /// <summary>The secret IDENTITY_HEADER value the endpoint expects in X-IDENTITY-HEADER.</summary>
    public string IdentityHeader { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Managed identity token requests answered, and the client_id of the last (null = system-assigned).</summary>
    public int ManagedIdentityRequests => Volatile.Read(ref _managedIdentityRequests);
    public string? LastManagedIdentityClientId { get; private set; }

    private int _managedIdentityRequests;

    private IResult ManagedIdentityToken(HttpContext context)
    {
        if (context.Request.Headers["X-IDENTITY-HEADER"] != IdentityHeader) return Results.Json(new Dictionary { ["error"] = "invalid_request", ["error_description"] = "X-IDENTITY-HEADER is missing or wrong." }, statusCode: 401);
        if (context.Request.Query["api-version"] != "2019-08-01") return Results.Json(new Dictionary { ["error"] = "invalid_request", ["error_description"] = "Unsupported api-version." }, statusCode: 400);
        string resource = context.Request.Query["resource"].ToString().TrimEnd('/');
        if (resource.Length == 0) return Results.Json(new Dictionary { ["error"] = "invalid_resource", ["error_description"] = "resource is required." }, statusCode: 400);
        Interlocked.Increment(ref _managedIdentityRequests);
        string? clientId = context.Request.Query["client_id"].ToString();
        LastManagedIdentityClientId = string.IsNullOrEmpty(clientId) ? null : clientId;
        string token = SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _issued[token] = resource + "/.default";
        return Results.Json(new Dictionary
        {
            ["access_token"] = token,
            ["expires_on"] = DateTimeOffset.UtcNow.AddSeconds(TokenLifetimeSeconds).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["resource"] = resource,
            ["token_type"] = "Bearer",
            ["client_id"] = LastManagedIdentityClientId ?? "11111111-aaaa-bbbb-cccc-222222222222",
        });
    }

    private IResult InstanceDiscovery(HttpContext context)
    {
        string host = context.Request.Host.ToString();
        return Results.Json(new Dictionary
        {
            ["tenant_discovery_endpoint"] = $"https://{host}/{Tenant}/v2.0/.well-known/openid-configuration",
            ["api-version"] = "1.1",
            ["metadata"] = new[] { new Dictionary { ["preferred_network"] = host, ["preferred_cache"] = host, ["aliases"] = new[] { host } } },
        });
    }

    private IResult OpenIdConfiguration(HttpContext context, string tenant)
    {
        if (!KnownTenant(tenant)) return Error(400, "invalid_tenant", 90002, $"Tenant '{tenant}' not found.");
        string root = $"https://{context.Request.Host}/{TenantId}";
        return Results.Json(new Dictionary
        {
            ["issuer"] = $"https://{context.Request.Host}/{TenantId}/v2.0",
            ["authorization_endpoint"] = root + "/oauth2/v2.0/authorize",
            ["token_endpoint"] = root + "/oauth2/v2.0/token",
            ["device_authorization_endpoint"] = root + "/oauth2/v2.0/devicecode",
            ["jwks_uri"] = root + "/discovery/v2.0/keys",
            ["response_types_supported"] = new[] { "code", "id_token", "token" },
            ["subject_types_supported"] = new[] { "pairwise" },
            ["id_token_signing_alg_values_supported"] = new[] { "RS256" },
        });
    }

    private async Task<IResult> Token(HttpContext context, string tenant)
    {
        Interlocked.Increment(ref _tokenRequests);
        IFormCollection form = await context.Request.ReadFormAsync();
        if (!KnownTenant(tenant))
        {
            return Error(400, "invalid_request", 90002, $"Tenant '{tenant}' not found. Check to make sure you have the correct tenant ID and are signing into the correct cloud.");
        }

        if (form["client_id"] != ClientId)
        {
            return Error(400, "unauthorized_client", 700016, $"Application with identifier '{form["client_id"]}' was not found in the directory '{Tenant}'.");
        }

        string grantType = form["grant_type"].ToString();
        // Entra ID accepts the short "device_code", which MSAL sends, as well as the RFC 8628 URN.
        if (grantType != "client_credentials" && grantType != DeviceCodeGrant && grantType != "device_code" && grantType != "refresh_token")
        {
            return Error(400, "unsupported_grant_type", 70003, "The app requested an unsupported grant type.");
        }

        string grant = form["grant_type"].ToString();
        if (grant == DeviceCodeGrant || grant == "device_code") return DeviceCodeToken(form);
        if (grant == "refresh_token") return RefreshToken(form);
        string scope = form["scope"].ToString();
        if (!scope.EndsWith("/.default", StringComparison.Ordinal)) return Error(400, "invalid_scope", 1002012, $"The provided value for scope {scope} is not valid. Client credential flows must have a scope value with /.default suffixed to the resource identifier.");

        IResult? refused = form.ContainsKey("client_secret")
            ? CheckSecret(form["client_secret"].ToString())
            : form["client_assertion_type"] == AssertionType
                ? CheckAssertion(form["client_assertion"].ToString(), context)
                : Error(401, "invalid_client", 7000218, "The request body must contain the following parameter: 'client_assertion' or 'client_secret'.");
        if (refused is not null) return refused;
        if (!AdminConsented)
        {
            return Error(400, "invalid_grant", 65001, $"The user or administrator has not consented to use the application with ID '{ClientId}'. Send an interactive authorization request for this user and resource.");
        }

        string token = SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _issued[token] = scope;
        return Results.Json(new Dictionary
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = TokenLifetimeSeconds,
            ["ext_expires_in"] = TokenLifetimeSeconds,
            ["access_token"] = token,
        });
    }

    private const string DeviceCodeGrant = "urn:ietf:params:oauth:grant-type:device_code";
    private readonly ConcurrentDictionary<string, DeviceLogin> _deviceCodes = new ConcurrentDictionary<string, DeviceLogin>(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _refreshTokens = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);
    private int _refreshGrants;
    private int _pendingPolls;

    /// <summary>Refresh-token grants answered (silent renewals).</summary>
    public int RefreshGrants => Volatile.Read(ref _refreshGrants);

    /// <summary>Device-code polls answered with authorization_pending.</summary>
    public int PendingPolls => Volatile.Read(ref _pendingPolls);

    /// <summary>Lifetime of delegated (mailbox) access tokens.</summary>
    public int DelegatedTokenLifetimeSeconds { get; set; } = 3599;

    /// <summary>
    /// When set, delegated access tokens are HS256 JWTs signed with this key (header kid=default,
    /// <c>sub</c> = the mailbox), as the test mail server's Dovecot validates XOAUTH2 tokens; else
    /// opaque random strings.
    /// </summary>
    public byte[]? DelegatedTokenSigningKey { get; set; }

    /// <summary>
    /// When set, a person signs in as this mailbox at the device-code page as soon as the code is
    /// shown (for scripts that cannot read the code, such as the help examples).
    /// </summary>
    public string? AutoApproveDeviceLoginAs { get; set; }

    /// <summary>What the person at the device-code page does: the user code from the message shown to them, and who signs in (null: declines).</summary>
    public void CompleteDeviceLogin(string instructions, string? userPrincipalName)
    {
        foreach (DeviceLogin login in _deviceCodes.Values)
        {
            if (instructions.Contains(login.UserCode, StringComparison.Ordinal))
            {
                login.User = userPrincipalName;
                login.Declined = userPrincipalName is null;
            }
        }
    }

    /// <summary>Revokes every refresh token (password change, admin revocation).</summary>
    public void RevokeRefreshTokens() => _refreshTokens.Clear();

    private async Task<IResult> DeviceCode(HttpContext context, string tenant)
    {
        IFormCollection form = await context.Request.ReadFormAsync();
        if (!KnownTenant(tenant)) return Error(400, "invalid_request", 90002, $"Tenant '{tenant}' not found.");
        if (form["client_id"] != ClientId) return Error(400, "unauthorized_client", 700016, $"Application with identifier '{form["client_id"]}' was not found in the directory '{Tenant}'.");
        var login = new DeviceLogin
        {
            DeviceCode = SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(24)),
            UserCode = "D" + RandomNumberGenerator.GetInt32(10000000, 99999999),
            Scope = form["scope"].ToString(),
            User = AutoApproveDeviceLoginAs,
        };
        _deviceCodes[login.DeviceCode] = login;
        return Results.Json(new Dictionary
        {
            ["device_code"] = login.DeviceCode,
            ["user_code"] = login.UserCode,
            ["verification_uri"] = "https://microsoft.com/devicelogin",
            ["expires_in"] = 900,
            ["interval"] = 1,
            ["message"] = $"To sign in, use a web browser to open the page https://microsoft.com/devicelogin and enter the code {login.UserCode} to authenticate.",
        });
    }

    private IResult DeviceCodeToken(IFormCollection form)
    {
        if (!_deviceCodes.TryGetValue(form["device_code"].ToString(), out DeviceLogin? login)) return Error(400, "expired_token", 70020, "The provided value for the input parameter 'device_code' is not valid. This device code has expired.");
        // The person is never faster than the first poll.
        if (Interlocked.Exchange(ref login.Polled, 1) == 0 || (login.User is null && !login.Declined))
        {
            Interlocked.Increment(ref _pendingPolls);
            return Error(400, "authorization_pending", 70016, "OAuth 2.0 device flow error. Authorization is pending. Continue polling.");
        }

        _deviceCodes.TryRemove(login.DeviceCode, out _);
        if (login.Declined) return Error(400, "authorization_declined", 70000, "The user declined the sign-in.");
        return DelegatedTokens(login.User!, login.Scope);
    }

    private IResult RefreshToken(IFormCollection form)
    {
        if (!_refreshTokens.TryRemove(form["refresh_token"].ToString(), out string? user))
        {
            return Error(400, "invalid_grant", 700082, "The refresh token has expired due to inactivity or was revoked.");
        }

        Interlocked.Increment(ref _refreshGrants);
        return DelegatedTokens(user, form["scope"].ToString());
    }

    private IResult DelegatedTokens(string user, string requestedScopes)
    {
        // One object ID per user, as in a real directory (MSAL tells accounts apart by it).
        string oid = new Guid(SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(user.ToLowerInvariant())).AsSpan(0, 16)).ToString();
        string token = DelegatedTokenSigningKey is null ? SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32)) : MailServerToken(user, DelegatedTokenSigningKey);
        string scope = string.Join(" ", requestedScopes.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(x => x != "openid" && x != "profile" && x != "offline_access"));
        _issued[token] = scope;
        DelegatedUsers[token] = user;
        string refresh = SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(32));
        _refreshTokens[refresh] = user;
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string idToken = Segment(new Dictionary { ["typ"] = "JWT", ["alg"] = "RS256" }) + "." + Segment(new Dictionary
        {
            ["aud"] = ClientId,
            ["iss"] = $"https://login.microsoftonline.com/{TenantId}/v2.0",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + 3600,
            ["name"] = "Notifications",
            ["oid"] = oid,
            ["preferred_username"] = user,
            ["sub"] = "s" + oid,
            ["tid"] = TenantId,
            ["ver"] = "2.0",
        }) + ".c2lnbmF0dXJl";
        return Results.Json(new Dictionary
        {
            ["token_type"] = "Bearer",
            ["scope"] = scope,
            ["expires_in"] = DelegatedTokenLifetimeSeconds,
            ["ext_expires_in"] = DelegatedTokenLifetimeSeconds,
            ["access_token"] = token,
            ["refresh_token"] = refresh,
            ["id_token"] = idToken,
            ["client_info"] = Segment(new Dictionary { ["uid"] = oid, ["utid"] = TenantId }),
        });
    }

    private string MailServerToken(string user, byte[] key)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string unsigned = Segment(new Dictionary { ["alg"] = "HS256", ["typ"] = "JWT", ["kid"] = "default" }) + "." + Segment(new Dictionary
        {
            ["sub"] = user,
            ["aud"] = "https://outlook.office.com",
            ["iss"] = $"https://sts.windows.net/{TenantId}/",
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + DelegatedTokenLifetimeSeconds,
            ["scp"] = "SMTP.Send",
            // Two tokens issued within the same second must still differ.
            ["uti"] = SignedJwt.ToBase64Url(RandomNumberGenerator.GetBytes(12)),
        });
        using var hmac = new HMACSHA256(key);
        return unsigned + "." + SignedJwt.ToBase64Url(hmac.ComputeHash(System.Text.Encoding.ASCII.GetBytes(unsigned)));
    }

    /// <summary>Which mailbox each delegated access token belongs to.</summary>
    public ConcurrentDictionary<string, string> DelegatedUsers { get; } = new ConcurrentDictionary<string, string>(StringComparer.Ordinal);

    private static string Segment(Dictionary claims) => SignedJwt.ToBase64Url(System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(claims)));

    private sealed class DeviceLogin
    {
        public string DeviceCode = "";
        public string UserCode = "";
        public string Scope = "";
        public string? User;
        public bool Declined;
        public int Polled;
    }

    private IResult? CheckSecret(string secret)
    {
        if (secret != ClientSecret)
        {
            return Error(401, "invalid_client", 7000215, "Invalid client secret provided. Ensure the secret being sent in the request is the client secret value, not the client secret ID, for a secret added to app '" + ClientId + "'.");
        }

        return SecretExpired
            ? Error(401, "invalid_client", 7000222, $"The provided client secret keys for app '{ClientId}' are expired. Visit the Azure portal to create new keys for your app.")
            : null;
    }

    private IResult? CheckAssertion(string compact, HttpContext context)
    {
        SignedJwt? jwt = SignedJwt.TryParse(compact);
        if (jwt is null) return Error(401, "invalid_client", 50027, "JWT token is invalid or malformed.");
        string expectedAudience = $"https://{context.Request.Host}{context.Request.Path}";
        if (jwt.Claim("iss") != ClientId || jwt.Claim("sub") != ClientId || jwt.Claim("aud") != expectedAudience)
        {
            return Error(401, "invalid_client", 700021, "Client assertion application identifier doesn't match 'client_id' parameter.");
        }

        using RSA? key = UploadedCertificate?.GetRSAPublicKey();
        if (key is null || !ThumbprintMatches(jwt) || !jwt.VerifySignature(key))
        {
            return Error(401, "invalid_client", 700027, "Client assertion failed signature validation.");
        }

        DateTimeOffset now = DateTimeOffset.UtcNow + ClockOffset;
        DateTimeOffset? notBefore = jwt.Time("nbf");
        DateTimeOffset? expires = jwt.Time("exp");
        if (expires is null || expires < now - TimeSpan.FromMinutes(5) || notBefore > now + TimeSpan.FromMinutes(5))
        {
            return Error(401, "invalid_client", 700024, "Client assertion is not within its valid time range.");
        }

        Interlocked.Increment(ref _verifiedAssertions);
        return null;
    }

    private bool ThumbprintMatches(SignedJwt jwt)
    {
        string? sha1 = jwt.HeaderValue("x5t");
        string? sha256 = jwt.HeaderValue("x5t#S256");
        return (sha1 is not null && sha1 == SignedJwt.ToBase64Url(UploadedCertificate!.GetCertHash()))
            || (sha256 is not null && sha256 == SignedJwt.ToBase64Url(UploadedCertificate!.GetCertHash(HashAlgorithmName.SHA256)));
    }

    private bool KnownTenant(string tenant) =>
        string.Equals(tenant, Tenant, StringComparison.OrdinalIgnoreCase) || string.Equals(tenant, TenantId, StringComparison.OrdinalIgnoreCase);

    private static IResult Error(int status, string error, int code, string description)
    {
        string trace = Guid.NewGuid().ToString();
        return Results.Json(new Dictionary
        {
            ["error"] = error,
            ["error_description"] = $"AADSTS{code}: {description} Trace ID: {trace} Correlation ID: {Guid.NewGuid()} Timestamp: {DateTime.UtcNow:yyyy-MM-dd HH:mm:ssZ}",
            ["error_codes"] = new[] { code },
            ["timestamp"] = DateTime.UtcNow.ToString("yyyy-MM-dd HH:mm:ssZ"),
            ["trace_id"] = trace,
            ["correlation_id"] = Guid.NewGuid().ToString(),
        }, statusCode: status);
    }

    private sealed class Dictionary : System.Collections.Generic.Dictionary<string, object> { }
}

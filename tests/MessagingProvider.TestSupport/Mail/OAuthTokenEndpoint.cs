using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace MessagingProvider.TestSupport;

/// <summary>
/// An OAuth 2.0 token endpoint over HTTPS on 127.0.0.1 (Kestrel): OIDC discovery, the
/// resource-owner password and client-credentials grants. Access tokens are HS256 JWTs signed with
/// the key Dovecot validates them against, with <c>sub</c> = the mailbox the token is for.
/// </summary>
public sealed class OAuthTokenEndpoint : IDisposable
{
    public const string ClientId = "11111111-2222-3333-4444-555555555555";
    public const string Scope = "https://outlook.office365.com/SMTP.Send";

    private readonly byte[] _signingKey;
    private readonly WebApplication _app;
    private int _issued;

    public OAuthTokenEndpoint(byte[] signingKey, TestCertificate certificate)
    {
        _signingKey = signingKey;
        Certificate = certificate;
        ClientSecret = "app-secret-" + Convert.ToHexString(RandomNumberGenerator.GetBytes(8));
        WebApplicationBuilder builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k => k.Listen(IPAddress.Loopback, 0, l => l.UseHttps(certificate.Certificate)));
        _app = builder.Build();
        _app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (HttpContext c, string tenant) => Discovery(tenant));
        _app.MapPost("/{tenant}/oauth2/v2.0/token", (HttpContext c) => Token(c));
        _app.StartAsync().GetAwaiter().GetResult();
        string address = _app.Services.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()
            .Features.Get<IServerAddressesFeature>()!.Addresses.First();
        BaseAddress = new Uri(address.Replace("[::1]", "127.0.0.1").Replace("localhost", "127.0.0.1"));
    }

    public TestCertificate Certificate { get; }

    public Uri BaseAddress { get; }

    public string ClientSecret { get; }

    /// <summary>The mailbox the app-only (client-credentials) tokens are for.</summary>
    public string AppMailbox { get; set; } = MailServerFixture.AppMailbox;

    /// <summary>Token lifetime the endpoint announces in <c>expires_in</c>.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>When set, tokens carry an <c>exp</c> in the past (while <c>expires_in</c> still looks valid).</summary>
    public bool IssueExpiredTokens { get; set; }

    /// <summary>How many tokens were issued so far (to see caching and refresh).</summary>
    public int Issued => Volatile.Read(ref _issued);

    public string TokenEndpointFor(string tenant) => new Uri(BaseAddress, $"/{tenant}/oauth2/v2.0/token").ToString();

    /// <summary>An HttpClient handler that trusts exactly the endpoint's certificate and nothing else.</summary>
    public HttpClientHandler CreateTrustingHandler() => new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, cert, _, errors) => errors == System.Net.Security.SslPolicyErrors.None || Certificate.Matches(cert),
    };

    private IResult Discovery(string tenant)
    {
        string issuer = new Uri(BaseAddress, $"/{tenant}/v2.0").ToString();
        return Results.Json(new
        {
            issuer,
            token_endpoint = TokenEndpointFor(tenant),
            authorization_endpoint = new Uri(BaseAddress, $"/{tenant}/oauth2/v2.0/authorize").ToString(),
            response_types_supported = new[] { "code", "token" },
            subject_types_supported = new[] { "public" },
            id_token_signing_alg_values_supported = new[] { "HS256" },
        });
    }

    private IResult Token(HttpContext context)
    {
        IFormCollection form = context.Request.ReadFormAsync().GetAwaiter().GetResult();
        string grant = form["grant_type"].ToString();
        string clientId = form["client_id"].ToString();
        string secret = form["client_secret"].ToString();
        if (clientId != ClientId || secret != ClientSecret)
        {
            return Error(401, "invalid_client", "AADSTS7000215: Invalid client secret provided.");
        }

        string subject;
        if (grant == "client_credentials")
        {
            subject = AppMailbox;
        }
        else if (grant == "password")
        {
            subject = form["username"].ToString();
            if (!subject.EndsWith("@" + MailServerFixture.Domain, StringComparison.OrdinalIgnoreCase) || form["password"].ToString() != MailServerFixture.MailboxPassword)
            {
                return Error(400, "invalid_grant", "AADSTS50126: Error validating credentials due to invalid username or password.");
            }
        }
        else
        {
            return Error(400, "unsupported_grant_type", "Grant type not supported: " + grant);
        }

        Interlocked.Increment(ref _issued);
        if (grant == "client_credentials")
        {
            return Results.Json(new
            {
                token_type = "Bearer",
                expires_in = (int)Lifetime.TotalSeconds,
                ext_expires_in = (int)Lifetime.TotalSeconds,
                access_token = Sign(subject),
            });
        }

        // A user token comes with the account's identity (id_token, client_info), as Entra ID sends it.
        string userId = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(subject.ToLowerInvariant()))).Substring(0, 32).ToLowerInvariant();
        const string tenantId = "72f988bf-86f1-41af-91ab-2d7cd011db47";
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        string idToken = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "none", typ = "JWT" })) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary
        {
            ["iss"] = new Uri(BaseAddress, "/contoso/v2.0").ToString(),
            ["aud"] = ClientId,
            ["sub"] = userId,
            ["oid"] = userId,
            ["tid"] = tenantId,
            ["preferred_username"] = subject,
            ["iat"] = now,
            ["exp"] = now + 3600,
        })) + ".";
        return Results.Json(new
        {
            token_type = "Bearer",
            scope = form["scope"].ToString(),
            expires_in = (int)Lifetime.TotalSeconds,
            ext_expires_in = (int)Lifetime.TotalSeconds,
            access_token = Sign(subject),
            id_token = idToken,
            client_info = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { uid = userId, utid = tenantId })),
        });
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new { error, error_description = description, error_codes = new[] { 7000215 } }, statusCode: status);

    private string Sign(string subject)
    {
        long now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        long exp = IssueExpiredTokens ? now - 120 : now + (long)Lifetime.TotalSeconds;
        string header = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new { alg = "HS256", typ = "JWT", kid = "default" }));
        string payload = Base64Url(JsonSerializer.SerializeToUtf8Bytes(new Dictionary
        {
            ["sub"] = subject,
            ["iss"] = BaseAddress.ToString(),
            ["aud"] = "https://outlook.office365.com",
            ["iat"] = IssueExpiredTokens ? now - 600 : now,
            ["nbf"] = IssueExpiredTokens ? now - 600 : now,
            ["exp"] = exp,
            ["scp"] = "SMTP.Send",
        }));
        using var hmac = new HMACSHA256(_signingKey);
        string signature = Base64Url(hmac.ComputeHash(Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string Base64Url(byte[] data) => Convert.ToBase64String(data).TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public void Dispose()
    {
        _app.StopAsync().GetAwaiter().GetResult();
        ((IDisposable)_app).Dispose();
        Certificate.Dispose();
    }

    private sealed class Dictionary : System.Collections.Generic.Dictionary<string, object>
    {
    }
}

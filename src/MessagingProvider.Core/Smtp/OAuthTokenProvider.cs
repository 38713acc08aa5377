using System;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Http;
using System.Security.Authentication;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Smtp;

/// <summary>
/// Access tokens for SMTP from MSAL: the resource-owner password grant when the endpoint has a
/// user credential, else the client-credentials grant. Tokens are cached per endpoint, client,
/// scope, user and secret material (client secret and password, as a keyed hash) until
/// <see cref="RefreshMargin"/> before they expire: a token is handed only to a caller that could
/// have obtained it itself, so a wrong secret never passes on the strength of an earlier right one.
/// </summary>
public sealed class OAuthTokenProvider
{
    public static readonly OAuthTokenProvider Shared = new OAuthTokenProvider();

    private readonly ConcurrentDictionary<string, CachedToken> _cache = new ConcurrentDictionary<string, CachedToken>(StringComparer.Ordinal);

    // Keys the secret fingerprints: random per provider, so a fingerprint says nothing outside this process.
    private readonly byte[] _fingerprintKey = NewFingerprintKey();

    public TimeSpan RefreshMargin { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Returns a cached token or acquires one; <paramref name="forceNew"/> skips the cache (after a 535).</summary>
    public async Task<string> GetTokenAsync(SmtpEndpoint endpoint, bool forceNew, Action<string>? verbose, CancellationToken cancellationToken)
    {
        if (endpoint.TokenCallback is not null)
        {
            verbose?.Invoke($"Using the delegated token of {endpoint.OAuthUser}{(forceNew ? ", renewed" : "")} from its mailbox sign-in.");
            return await endpoint.TokenCallback(forceNew, cancellationToken).ConfigureAwait(false);
        }

        string key = CacheKey(endpoint);
        if (!forceNew && _cache.TryGetValue(key, out CachedToken? cached) && cached.ExpiresOn - RefreshMargin > DateTimeOffset.UtcNow)
        {
            verbose?.Invoke($"Using the cached OAuth token for {endpoint.OAuthUser} (expires {cached.ExpiresOn:u}).");
            return cached.AccessToken;
        }

        AuthenticationResult result = await AcquireAsync(endpoint, verbose, cancellationToken).ConfigureAwait(false);
        _cache[key] = new CachedToken(result.AccessToken, result.ExpiresOn);
        return result.AccessToken;
    }

    public void Invalidate(SmtpEndpoint endpoint) => _cache.TryRemove(CacheKey(endpoint), out _);

    private string CacheKey(SmtpEndpoint e) =>
        string.Join("|", e.TokenEndpoint?.ToLowerInvariant(), e.ClientId?.ToLowerInvariant(), e.Scope, e.Credential?.UserName?.ToLowerInvariant() ?? "(app)", SecretFingerprint(e));

    private string SecretFingerprint(SmtpEndpoint e)
    {
        byte[] secret = e.ClientSecret is null ? Array.Empty<byte>() : SecretConversion.ToUtf8Bytes(e.ClientSecret);
        byte[] password = e.Credential is null ? Array.Empty<byte>() : System.Text.Encoding.UTF8.GetBytes(e.Credential.Password);
        byte[] material = new byte[4 + secret.Length + password.Length];
        try
        {
            // Length-prefixed, so moving bytes between the secret and the password changes the fingerprint.
            BitConverter.GetBytes(secret.Length).CopyTo(material, 0);
            secret.CopyTo(material, 4);
            password.CopyTo(material, 4 + secret.Length);
            using var hmac = new System.Security.Cryptography.HMACSHA256(_fingerprintKey);
            return Convert.ToBase64String(hmac.ComputeHash(material));
        }
        finally
        {
            Array.Clear(secret, 0, secret.Length);
            Array.Clear(password, 0, password.Length);
            Array.Clear(material, 0, material.Length);
        }
    }

    private static byte[] NewFingerprintKey()
    {
        var key = new byte[32];
        using (var random = System.Security.Cryptography.RandomNumberGenerator.Create()) random.GetBytes(key);
        return key;
    }

    private static async Task<AuthenticationResult> AcquireAsync(SmtpEndpoint endpoint, Action<string>? verbose, CancellationToken cancellationToken)
    {
        if (!OAuthAuthority.TryParse(endpoint.TokenEndpoint, out Uri authority, out bool isEntra, out string? problem))
        {
            throw Failure(ErrorIds.InvalidTokenEndpoint, ErrorKind.InvalidArgument,
                $"The token endpoint '{endpoint.TokenEndpoint}' cannot be used: {problem}. Give the v2.0 token endpoint, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.", endpoint.TokenEndpoint, null);
        }

        string secret = endpoint.ClientSecret is null ? "" : SecretConversion.ToPlainString(endpoint.ClientSecret);
        Compatibility.DependencyVersionGuard.Require(typeof(ConfidentialClientApplicationBuilder));
        ConfidentialClientApplicationBuilder builder = ConfidentialClientApplicationBuilder.Create(endpoint.ClientId).WithClientSecret(secret);
        builder = isEntra ? builder.WithAuthority(authority.ToString()) : builder.WithOidcAuthority(authority.ToString());
        IMsalHttpClientFactory? http = endpoint.HttpClientFactory
            ?? (endpoint.CertificateThumbprints.Count > 0 ? new PinnedHttpClientFactory(endpoint.CertificateThumbprints) : null);
        if (http is not null) builder = builder.WithHttpClientFactory(http);
        IConfidentialClientApplication app = builder.Build();
        string[] scopes = { endpoint.Scope ?? "" };
        try
        {
            if (endpoint.Credential is not null)
            {
                verbose?.Invoke($"Requesting an OAuth token for {endpoint.Credential.UserName} from {endpoint.TokenEndpoint} (resource-owner password grant, scope {endpoint.Scope}).");
#pragma warning disable CS0618 // ROPC is what the documents describe for a dedicated SMTP mailbox.
                return await ((IByUsernameAndPassword)app)
                    .AcquireTokenByUsernamePassword(scopes, endpoint.Credential.UserName, endpoint.Credential.Password)
                    .ExecuteAsync(cancellationToken).ConfigureAwait(false);
#pragma warning restore CS0618
            }

            verbose?.Invoke($"Requesting an app-only OAuth token from {endpoint.TokenEndpoint} (client-credentials grant, scope {endpoint.Scope}).");
            return await app.AcquireTokenForClient(scopes).WithForceRefresh(true)
                .ExecuteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (MsalServiceException e)
        {
            string what = e.ErrorCode switch
            {
                "invalid_client" or "unauthorized_client" => "the token endpoint refused the application: check -ClientId and -ClientSecret (a secret may have expired)",
                "invalid_grant" => $"the token endpoint refused the user name or password of '{endpoint.Credential?.UserName}' (or the account needs MFA, which the password grant cannot do)",
                "invalid_scope" => $"the token endpoint refused the scope '{endpoint.Scope}'",
                _ => "the token endpoint refused the request",
            };
            throw Failure(ErrorIds.OAuthTokenRefused, ErrorKind.AuthenticationError, $"No OAuth token: {what}. The endpoint said: {e.ErrorCode}: {FirstLine(e.Message)}", endpoint.TokenEndpoint, e);
        }
        catch (Exception e) when (e is MsalClientException || e is HttpRequestException || e is AuthenticationException)
        {
            throw Failure(ErrorIds.OAuthTokenEndpointUnreachable, ErrorKind.ConnectionError,
                $"The token endpoint {endpoint.TokenEndpoint} could not be used: {Innermost(e)}. Check the URL, the network path and that its certificate is trusted (or pinned with -CertificateThumbprint).", endpoint.TokenEndpoint, e);
        }
    }

    private static string FirstLine(string text)
    {
        int end = text.IndexOfAny(new[] { '\r', '\n' });
        return end < 0 ? text : text.Substring(0, end);
    }

    private static string Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e.Message;
    }

    private static SmtpStageException Failure(string id, ErrorKind kind, string message, object? target, Exception? inner) =>
        new SmtpStageException(SmtpStage.Auth, id, kind, message, target, inner);

    private sealed class CachedToken
    {
        public CachedToken(string accessToken, DateTimeOffset expiresOn)
        {
            AccessToken = accessToken;
            ExpiresOn = expiresOn;
        }

        public string AccessToken { get; }
        public DateTimeOffset ExpiresOn { get; }
    }
}

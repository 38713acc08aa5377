using System;

namespace MessagingProvider.Smtp;

/// <summary>
/// Derives the MSAL authority from a token endpoint. Entra ID endpoints
/// (https://login.microsoftonline.com/{tenant}/oauth2/v2.0/token) use the tenant authority; any
/// other v2-style endpoint (…/{tenant}/oauth2/v2.0/token) is treated as an OpenID Connect
/// authority whose discovery document lives at …/{tenant}/v2.0/.well-known/openid-configuration.
/// </summary>
public static class OAuthAuthority
{
    private const string V2TokenPath = "/oauth2/v2.0/token";

    public static bool TryParse(string? tokenEndpoint, out Uri authority, out bool isEntra, out string? problem)
    {
        authority = null!;
        isEntra = false;
        problem = null;
        if (!Uri.TryCreate(tokenEndpoint, UriKind.Absolute, out Uri? uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            problem = "it is not an absolute https:// URL";
            return false;
        }

        string path = uri.AbsolutePath.TrimEnd('/');
        if (!path.EndsWith(V2TokenPath, StringComparison.OrdinalIgnoreCase) || path.Length == V2TokenPath.Length)
        {
            problem = "it does not end in /{tenant}/oauth2/v2.0/token";
            return false;
        }

        string tenantPath = path.Substring(0, path.Length - V2TokenPath.Length);
        isEntra = uri.Host.EndsWith("login.microsoftonline.com", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("login.microsoftonline.us", StringComparison.OrdinalIgnoreCase)
            || uri.Host.EndsWith("login.chinacloudapi.cn", StringComparison.OrdinalIgnoreCase);
        authority = new Uri(uri.GetLeftPart(UriPartial.Authority) + tenantPath + (isEntra ? "/" : "/v2.0"));
        return true;
    }
}

using System;
using System.Linq;
using System.Net;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;

namespace MessagingProvider.Smtp;

/// <summary>
/// Applies a <see cref="SmtpServerChange"/> to the stored settings and checks that the result is
/// complete for its authentication mode. Throws before anything is written when it is not.
/// </summary>
public static class SmtpServerChanges
{
    public static SmtpSettings Apply(SmtpSettings? current, SmtpServerChange change, SecretVault vault)
    {
        SmtpSettings next = Copy(current);
        if (change.Server is not null) next.Server = RequireServer(change.Server);
        if (change.From is not null) next.From = EmailAddressSyntax.Require(change.From, "From");
        if (change.Security is not null) next.Security = change.Security.Value;
        if (change.Port is not null) next.Port = RequirePort(change.Port.Value);
        else if (current is null) next.Port = DefaultPort(next.Security);
        if (change.SkipCertificateCheck is not null) next.SkipCertificateCheck = change.SkipCertificateCheck.Value;
        if (change.CertificateThumbprints is not null) next.CertificateThumbprints = change.CertificateThumbprints.Select(RequireThumbprint).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

        // A credential or OAuth client given without -Authentication means "use it" (the product's
        // "Use SMTP user authentication"), not "store it unused" under CurrentUser/Anonymous.
        SmtpAuthentication? requested = change.Authentication;
        if (requested is null && next.Authentication is SmtpAuthentication.CurrentUser or SmtpAuthentication.Anonymous)
        {
            if (change.TokenEndpoint is not null || change.ClientId is not null) requested = SmtpAuthentication.OAuth2;
            else if (change.UserName is not null) requested = SmtpAuthentication.Basic;
        }

        if (requested is not null && requested != next.Authentication)
        {
            next.Authentication = requested.Value;
            // Secrets of the previous mode are dropped, never left behind unused.
            next.UserName = null;
            next.Password = null;
            next.TokenEndpoint = null;
            next.ClientId = null;
            next.ClientSecret = null;
            next.Scope = null;
        }

        if (change.UserName is not null)
        {
            next.UserName = change.UserName;
            next.Password = change.Password is null ? null : vault.Protect(change.Password);
        }

        if (change.TokenEndpoint is not null) next.TokenEndpoint = RequireTokenEndpoint(change.TokenEndpoint);
        if (change.ClientId is not null) next.ClientId = change.ClientId;
        if (change.ClientSecret is not null) next.ClientSecret = vault.Protect(change.ClientSecret);
        if (change.Scope is not null) next.Scope = change.Scope;

        RequireComplete(next);
        return next;
    }

    public static int DefaultPort(SmtpSecurity security) => security switch
    {
        SmtpSecurity.SslOnConnect => 465,
        SmtpSecurity.None => 25,
        _ => 587,
    };

    private static void RequireComplete(SmtpSettings s)
    {
        string? missing = null;
        if (s.Server.Length == 0) missing = "-Server";
        else if (s.From.Length == 0) missing = "-From";
        else if (s.Authentication == SmtpAuthentication.Basic && (s.UserName is null || s.Password is null)) missing = "-Credential (Basic authentication needs a user name and password)";
        else if (s.Authentication == SmtpAuthentication.OAuth2)
        {
            if (s.TokenEndpoint is null) missing = "-TokenEndpoint";
            else if (string.IsNullOrEmpty(s.ClientId)) missing = "-ClientId";
            else if (s.ClientSecret is null) missing = "-ClientSecret";
            else if (string.IsNullOrEmpty(s.Scope)) missing = "-Scope";
        }

        if (missing is not null)
        {
            throw new MessagingProviderException(ErrorIds.SmtpSettingsIncomplete, ErrorKind.InvalidArgument,
                $"The SMTP settings are incomplete: give {missing}. Nothing was changed.", missing);
        }
    }

    internal static string RequireServer(string server)
    {
        string trimmed = server.Trim();
        if (IPAddress.TryParse(trimmed, out _) || DomainName.IsValid(trimmed, requireDot: false)) return trimmed;
        throw new MessagingProviderException(ErrorIds.InvalidServerName, ErrorKind.InvalidArgument,
            $"'{server}' is not a host name or IP address. Give the SMTP server's fully qualified name (smtp.contoso.com) or its IP address.", server);
    }

    internal static int RequirePort(int port)
    {
        if (port >= 1 && port <= 65535) return port;
        throw new MessagingProviderException(ErrorIds.InvalidPort, ErrorKind.InvalidArgument,
            $"{port} is not a TCP port. Give 1-65535: usually 587 (STARTTLS), 465 (implicit TLS) or 25.", port);
    }

    private static string RequireTokenEndpoint(string endpoint)
    {
        if (OAuthAuthority.TryParse(endpoint, out _, out _, out string? problem)) return endpoint;
        throw new MessagingProviderException(ErrorIds.InvalidTokenEndpoint, ErrorKind.InvalidArgument,
            $"The token endpoint '{endpoint}' cannot be used: {problem}. Give the v2.0 token endpoint, e.g. https://login.microsoftonline.com/<tenant>/oauth2/v2.0/token.", endpoint);
    }

    internal static string RequireThumbprint(string thumbprint)
    {
        string normalized = ServerCertificatePolicy.Normalize(thumbprint);
        // SHA-256 (64) is what Test-SmtpServer reports and the help recommends; SHA-1 (40) is still
        // accepted because older configurations and Windows' certificate tools show it.
        if ((normalized.Length == 64 || normalized.Length == 40) && normalized.All(Uri.IsHexDigit)) return normalized;
        throw new MessagingProviderException(ErrorIds.InvalidCertificateThumbprint, ErrorKind.InvalidArgument,
            $"'{thumbprint}' is not a certificate thumbprint: give the SHA-256 thumbprint (64 hexadecimal characters, as Test-SmtpServer reports it as CertificateThumbprint) or a SHA-1 one (40).", thumbprint);
    }

    private static SmtpSettings Copy(SmtpSettings? s) => s is null
        ? new SmtpSettings()
        : new SmtpSettings
        {
            Server = s.Server, Port = s.Port, From = s.From, Security = s.Security, Authentication = s.Authentication,
            UserName = s.UserName, Password = s.Password, TokenEndpoint = s.TokenEndpoint, ClientId = s.ClientId,
            ClientSecret = s.ClientSecret, Scope = s.Scope, SkipCertificateCheck = s.SkipCertificateCheck,
            CertificateThumbprints = s.CertificateThumbprints.ToList(),
        };

    public static SmtpSettings Require(IdentityStoreDocument document) => document.Smtp ?? throw new MessagingProviderException(
        ErrorIds.SmtpServerNotConfigured, ErrorKind.InvalidOperation,
        $"The identity store '{document.Name}' has no SMTP server. Run Set-SmtpServer -IdentityStore '{document.Name}' -Server … -From … first.", document.Name);
}

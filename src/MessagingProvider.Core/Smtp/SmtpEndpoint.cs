using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Security;
using Microsoft.Identity.Client;

namespace MessagingProvider.Smtp;

/// <summary>
/// Everything needed to reach and authenticate to one SMTP server, secrets unprotected only into
/// <see cref="SecureString"/>s. Built from stored settings or ad hoc.
/// </summary>
public sealed class SmtpEndpoint
{
    public string Server { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public SmtpAuthentication Authentication { get; set; } = SmtpAuthentication.CurrentUser;

    /// <summary>Basic: the SMTP account; OAuth2: the resource owner for the password grant (null = app-only).</summary>
    public NetworkCredential? Credential { get; set; }

    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string? Scope { get; set; }

    /// <summary>
    /// OAuth2 with a delegated token someone else holds (the Entra ID SMTP client's signed-in
    /// mailbox, <see cref="From"/>) instead of asking <see cref="TokenEndpoint"/>; the argument is
    /// true when the server refused the previous token and a fresh one is needed.
    /// </summary>
    public Func<bool, System.Threading.CancellationToken, System.Threading.Tasks.Task<string>>? TokenCallback { get; set; }

    public bool SkipCertificateCheck { get; set; }
    public IReadOnlyList<string> CertificateThumbprints { get; set; } = Array.Empty<string>();

    /// <summary>Per network operation (connect, each reply).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>How MSAL reaches the token endpoint; null = pinned thumbprints or the platform's trust.</summary>
    public IMsalHttpClientFactory? HttpClientFactory { get; set; }

    /// <summary>The mailbox an OAuth token is for: the resource owner, or the From address for the app-only grant.</summary>
    public string OAuthUser => Credential?.UserName is { Length: > 0 } user ? user : From;

    public static SmtpEndpoint FromSettings(SmtpSettings settings, SecretVault vault) => new SmtpEndpoint
    {
        Server = settings.Server,
        Port = settings.Port,
        From = settings.From,
        Security = settings.Security,
        Authentication = settings.Authentication,
        Credential = settings.UserName is null
            ? null
            : new NetworkCredential(settings.UserName, settings.Password is null ? new SecureString() : vault.UnprotectSecureString(settings.Password)),
        TokenEndpoint = settings.TokenEndpoint,
        ClientId = settings.ClientId,
        ClientSecret = settings.ClientSecret is null ? null : vault.UnprotectSecureString(settings.ClientSecret),
        Scope = settings.Scope,
        SkipCertificateCheck = settings.SkipCertificateCheck,
        CertificateThumbprints = settings.CertificateThumbprints.ToList(),
    };
}

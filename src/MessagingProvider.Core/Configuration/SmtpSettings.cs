using System.Collections.Generic;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Configuration;

/// <summary>The stored SMTP server of an identity store. Secrets are only ever kept protected.</summary>
public sealed class SmtpSettings
{
    public string Server { get; set; } = "";
    public int Port { get; set; } = 25;
    public string From { get; set; } = "";
    public SmtpSecurity Security { get; set; } = SmtpSecurity.Auto;
    public SmtpAuthentication Authentication { get; set; } = SmtpAuthentication.CurrentUser;

    /// <summary>Basic: the SMTP account; OAuth2: the resource owner (absent = app-only grant).</summary>
    public string? UserName { get; set; }
    public ProtectedSecret? Password { get; set; }

    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public ProtectedSecret? ClientSecret { get; set; }
    public string? Scope { get; set; }

    public bool SkipCertificateCheck { get; set; }

    /// <summary>SHA-1 thumbprints of certificates trusted although no trusted root issued them (pinning).</summary>
    public List<string> CertificateThumbprints { get; set; } = new List<string>();
}

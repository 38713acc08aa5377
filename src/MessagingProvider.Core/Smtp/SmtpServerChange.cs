using System.Collections.Generic;
using System.Security;

namespace MessagingProvider.Smtp;

/// <summary>What Set-SmtpServer was given; null = not given (keep the stored value).</summary>
public sealed class SmtpServerChange
{
    public string? Server { get; set; }
    public int? Port { get; set; }
    public string? From { get; set; }
    public SmtpSecurity? Security { get; set; }
    public SmtpAuthentication? Authentication { get; set; }
    public string? UserName { get; set; }
    public SecureString? Password { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string? Scope { get; set; }
    public bool? SkipCertificateCheck { get; set; }
    public IReadOnlyList<string>? CertificateThumbprints { get; set; }
}

using System.Security;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>What Set-EntraSmtpClient was given; null = keep the stored value.</summary>
public sealed class EntraSmtpClientChange
{
    public string? TenantId { get; set; }
    public string? ClientId { get; set; }
    public SecureString? ClientSecret { get; set; }
    public string? SmartHost { get; set; }
    public int? Port { get; set; }

    /// <summary>An empty string returns to the cloud's own sign-in host.</summary>
    public string? AuthorityHost { get; set; }

    public bool? SkipCertificateCheck { get; set; }
    public string[]? CertificateThumbprints { get; set; }
}

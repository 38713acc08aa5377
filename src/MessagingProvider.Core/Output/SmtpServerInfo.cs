using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

/// <summary>An identity store's SMTP server as Get-SmtpServer shows it: secrets masked.</summary>
public sealed class SmtpServerInfo
{
    public string IdentityStore { get; set; } = "";
    public string Server { get; set; } = "";
    public int Port { get; set; }
    public string From { get; set; } = "";
    public string Security { get; set; } = "";
    public string Authentication { get; set; } = "";
    public string? UserName { get; set; }
    public string? Password { get; set; }
    public string? TokenEndpoint { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }
    public string? Scope { get; set; }
    public bool SkipCertificateCheck { get; set; }
    public string[] CertificateThumbprint { get; set; } = System.Array.Empty<string>();

    public static SmtpServerInfo Create(string identityStore, SmtpSettings s) => new SmtpServerInfo
    {
        IdentityStore = identityStore,
        Server = s.Server,
        Port = s.Port,
        From = s.From,
        Security = s.Security.ToString(),
        Authentication = s.Authentication.ToString(),
        UserName = s.UserName,
        Password = s.Password is null ? null : ProtectedSecret.Mask,
        TokenEndpoint = s.TokenEndpoint,
        ClientId = s.ClientId,
        ClientSecret = s.ClientSecret is null ? null : ProtectedSecret.Mask,
        Scope = s.Scope,
        SkipCertificateCheck = s.SkipCertificateCheck,
        CertificateThumbprint = s.CertificateThumbprints.ToArray(),
    };
}

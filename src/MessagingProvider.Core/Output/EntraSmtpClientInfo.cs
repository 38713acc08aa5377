using System;
using System.Linq;
using MessagingProvider.Cloud.MailboxLogon;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Output;

/// <summary>An identity store's Microsoft Entra ID SMTP client as Get-EntraSmtpClient shows it: the secret masked.</summary>
public sealed class EntraSmtpClientInfo
{
    public string IdentityStore { get; set; } = "";
    public string TenantId { get; set; } = "";
    public string ClientId { get; set; } = "";
    public string? ClientSecret { get; set; }
    public string SmartHost { get; set; } = "";
    public int Port { get; set; }
    public string Security { get; set; } = "";
    public string AuthorityHost { get; set; } = "";
    public bool SkipCertificateCheck { get; set; }
    public string[] CertificateThumbprint { get; set; } = Array.Empty<string>();
    public string? MailboxUser { get; set; }
    public DateTimeOffset? SignedIn { get; set; }
    public string TokenCachePath { get; set; } = "";
    public bool Enabled { get; set; }

    /// <summary>The last test succeeded with exactly the current settings and sign-in: Enable-EntraSmtpClient will accept.</summary>
    public bool ReadyToEnable { get; set; }

    public DateTimeOffset? LastTestTime { get; set; }
    public bool? LastTestSucceeded { get; set; }
    public string? LastTestMailbox { get; set; }
    public string[] LastTestTo { get; set; } = Array.Empty<string>();
    public string? LastTestServerReply { get; set; }
    public string? LastTestReason { get; set; }

    public static EntraSmtpClientInfo Create(string identityStore, EntraSmtpClientSettings s, string tokenCachePath) => new EntraSmtpClientInfo
    {
        IdentityStore = identityStore,
        TenantId = s.TenantId,
        ClientId = s.ClientId,
        ClientSecret = s.ClientSecret is null ? null : ProtectedSecret.Mask,
        SmartHost = s.SmartHost,
        Port = s.Port,
        Security = s.Security.ToString(),
        AuthorityHost = s.AuthorityHost,
        SkipCertificateCheck = s.SkipCertificateCheck,
        CertificateThumbprint = s.CertificateThumbprints.ToArray(),
        MailboxUser = s.MailboxUser,
        SignedIn = s.SignedIn,
        TokenCachePath = tokenCachePath,
        Enabled = s.Enabled,
        ReadyToEnable = EntraSmtpClientFingerprint.LastTestPassed(s),
        LastTestTime = s.LastTest?.Time,
        LastTestSucceeded = s.LastTest?.Succeeded,
        LastTestMailbox = s.LastTest?.Mailbox,
        LastTestTo = s.LastTest?.To.ToArray() ?? Array.Empty<string>(),
        LastTestServerReply = s.LastTest?.ServerReply,
        LastTestReason = s.LastTest?.Reason,
    };
}

using System;
using System.Collections.Generic;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Configuration;

/// <summary>
/// The Microsoft Entra ID SMTP client of an identity store: the app registration, the smart host,
/// the mailbox signed in with the device code, and whether it is enabled. It may be enabled only
/// while <see cref="LastTest"/> succeeded with exactly the current settings and sign-in.
/// </summary>
public sealed class EntraSmtpClientSettings
{
    /// <summary>The Directory (tenant) ID, or the tenant's initial domain.</summary>
    public string TenantId { get; set; } = "";

    /// <summary>The Application (client) ID.</summary>
    public string ClientId { get; set; } = "";

    /// <summary>Kept because the product's screen asks for it; the device-code sign-in and the renewals are public-client flows that do not send it.</summary>
    public ProtectedSecret? ClientSecret { get; set; }

    public string SmartHost { get; set; } = "smtp.office365.com";

    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    /// <summary>The Entra ID sign-in host the device code and the renewals use.</summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    public bool SkipCertificateCheck { get; set; }

    /// <summary>SHA-1 thumbprints of smart-host certificates trusted although no trusted root issued them.</summary>
    public List<string> CertificateThumbprints { get; set; } = new List<string>();

    /// <summary>The mailbox signed in with Connect-EntraSmtpMailbox; null until then or after the app changed.</summary>
    public string? MailboxUser { get; set; }

    public DateTimeOffset? SignedIn { get; set; }

    public bool Enabled { get; set; }

    public EntraSmtpTestRecord? LastTest { get; set; }
}

/// <summary>What the last Send-EntraSmtpTestMessage saw, and the settings it ran with (as a fingerprint).</summary>
public sealed class EntraSmtpTestRecord
{
    public DateTimeOffset Time { get; set; }
    public bool Succeeded { get; set; }
    public string? Mailbox { get; set; }
    public List<string> To { get; set; } = new List<string>();
    public string? ServerReply { get; set; }
    public string? ErrorId { get; set; }
    public string? Reason { get; set; }
    public string Fingerprint { get; set; } = "";
}

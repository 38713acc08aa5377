using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Providers;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Cloud.MailboxLogon;

/// <summary>
/// Applies Set-EntraSmtpClient's change to an identity store. Every check runs before anything is
/// stored; any change disables the client (a new test is needed), and a change of tenant, app or
/// sign-in host also drops the mailbox sign-in, which belongs to the previous app.
/// </summary>
public static class EntraSmtpClientChanges
{
    public const string DefaultSmartHost = "smtp.office365.com";
    public const int DefaultPort = 587;

    public static EntraSmtpClientChangeResult Apply(IdentityStoreDocument document, EntraSmtpClientChange change, SecretVault vault)
    {
        EntraSmtpClientSettings? current = document.EntraSmtpClient;
        CloudEndpoints cloud = CloudOf(document);
        EntraSmtpClientSettings next = Copy(current) ?? new EntraSmtpClientSettings
        {
            SmartHost = cloud.SmtpHost,
            Port = DefaultPort,
            Security = SmtpSecurity.StartTls,
            AuthorityHost = cloud.AuthorityHost.ToString(),
        };

        // Checks first: a bad value must not even create the secret key file.
        if (change.TenantId is not null) next.TenantId = RequireTenant(change.TenantId);
        if (change.ClientId is not null) next.ClientId = RequireClientId(change.ClientId);
        if (change.SmartHost is not null) next.SmartHost = SmtpServerChanges.RequireServer(change.SmartHost);
        if (change.Port is not null) next.Port = SmtpServerChanges.RequirePort(change.Port.Value);
        if (change.AuthorityHost is not null)
        {
            next.AuthorityHost = (EndpointUri.RequireOverride(change.AuthorityHost, "AuthorityHost") ?? cloud.AuthorityHost).ToString();
        }

        if (change.SkipCertificateCheck is not null) next.SkipCertificateCheck = change.SkipCertificateCheck.Value;
        if (change.CertificateThumbprints is not null)
        {
            next.CertificateThumbprints = change.CertificateThumbprints.Select(SmtpServerChanges.RequireThumbprint).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        }

        var missing = new List<string>();
        if (next.TenantId.Length == 0) missing.Add("-TenantId");
        if (next.ClientId.Length == 0) missing.Add("-ClientId");
        if (next.ClientSecret is null && change.ClientSecret is null) missing.Add("-ClientSecret");
        if (missing.Count > 0)
        {
            throw new MessagingProviderException(ErrorIds.EntraSmtpClientSettingsIncomplete, ErrorKind.InvalidArgument,
                $"The Entra ID SMTP client of '{document.Name}' needs {string.Join(", ", missing)} (the Directory (tenant) ID, the Application (client) ID and a client secret of the app registration). Nothing was changed.", document.Name);
        }

        if (change.ClientSecret is not null && !SameSecret(next.ClientSecret, change.ClientSecret, vault))
        {
            next.ClientSecret = vault.Protect(change.ClientSecret);
        }

        List<string> changed = Differences(current, next);
        string? discarded = null;
        if (current?.MailboxUser is not null && (changed.Contains("TenantId") || changed.Contains("ClientId") || changed.Contains("AuthorityHost")))
        {
            discarded = current.MailboxUser;
            next.MailboxUser = null;
            next.SignedIn = null;
        }

        bool wasEnabled = current?.Enabled == true && changed.Count > 0;
        if (changed.Count > 0) next.Enabled = false;
        document.EntraSmtpClient = next;
        return new EntraSmtpClientChangeResult(next, changed, wasEnabled, discarded);
    }

    public static EntraSmtpClientSettings Require(IdentityStoreDocument document) => document.EntraSmtpClient ?? throw new MessagingProviderException(
        ErrorIds.EntraSmtpClientNotConfigured, ErrorKind.InvalidOperation,
        $"The identity store '{document.Name}' has no Entra ID SMTP client. Run Set-EntraSmtpClient -IdentityStore '{document.Name}' -TenantId … -ClientId … -ClientSecret … first.", document.Name);

    /// <summary>The store's Office 365 cloud (with its overrides) when that is its provider, else the global cloud.</summary>
    private static CloudEndpoints CloudOf(IdentityStoreDocument document) =>
        document.Messaging.Provider == MessagingProviderType.Office365 && document.Messaging.Office365 is { } office365
            ? CloudTable.Resolve(office365)
            : CloudTable.For(CloudEnvironment.Global);

    private static string RequireTenant(string tenant)
    {
        string trimmed = tenant.Trim();
        if (Guid.TryParse(trimmed, out Guid id)) return id.ToString();
        if (DomainName.IsValid(trimmed, requireDot: true)) return trimmed.ToLowerInvariant();
        throw new MessagingProviderException(ErrorIds.InvalidDomainName, ErrorKind.InvalidArgument,
            $"'{tenant}' is not a valid -TenantId. Copy the Directory (tenant) ID, a GUID, from the app registration's overview in the Microsoft Entra admin center (or give the tenant's initial domain, contoso.onmicrosoft.com).", tenant);
    }

    private static string RequireClientId(string clientId)
    {
        if (Guid.TryParse(clientId.Trim(), out Guid id)) return id.ToString();
        throw new MessagingProviderException(ErrorIds.InvalidApplicationId, ErrorKind.InvalidArgument,
            $"'{clientId}' is not a valid -ClientId. Copy the Application (client) ID, a GUID, from the app registration's overview in the Microsoft Entra admin center.", clientId);
    }

    private static bool SameSecret(ProtectedSecret? stored, System.Security.SecureString given, SecretVault vault)
    {
        if (stored is null) return false;
        byte[] old = vault.UnprotectBytes(stored);
        byte[] now = SecretConversion.ToUtf8Bytes(given);
        try
        {
            return old.SequenceEqual(now);
        }
        finally
        {
            Array.Clear(old, 0, old.Length);
            Array.Clear(now, 0, now.Length);
        }
    }

    private static List<string> Differences(EntraSmtpClientSettings? before, EntraSmtpClientSettings after)
    {
        var changed = new List<string>();
        void Check(string name, bool same)
        {
            if (!same) changed.Add(name);
        }

        Check("TenantId", before?.TenantId == after.TenantId);
        Check("ClientId", before?.ClientId == after.ClientId);
        Check("ClientSecret", before?.ClientSecret?.Data == after.ClientSecret?.Data);
        Check("SmartHost", string.Equals(before?.SmartHost, after.SmartHost, StringComparison.OrdinalIgnoreCase));
        Check("Port", before?.Port == after.Port);
        Check("AuthorityHost", string.Equals(before?.AuthorityHost, after.AuthorityHost, StringComparison.OrdinalIgnoreCase));
        Check("SkipCertificateCheck", before?.SkipCertificateCheck == after.SkipCertificateCheck);
        Check("CertificateThumbprint", before is not null && before.CertificateThumbprints.SequenceEqual(after.CertificateThumbprints, StringComparer.OrdinalIgnoreCase));
        return changed;
    }

    private static EntraSmtpClientSettings? Copy(EntraSmtpClientSettings? s) => s is null ? null : new EntraSmtpClientSettings
    {
        TenantId = s.TenantId, ClientId = s.ClientId, ClientSecret = s.ClientSecret, SmartHost = s.SmartHost, Port = s.Port,
        Security = s.Security, AuthorityHost = s.AuthorityHost, SkipCertificateCheck = s.SkipCertificateCheck,
        CertificateThumbprints = s.CertificateThumbprints.ToList(), MailboxUser = s.MailboxUser, SignedIn = s.SignedIn,
        Enabled = s.Enabled, LastTest = s.LastTest,
    };
}

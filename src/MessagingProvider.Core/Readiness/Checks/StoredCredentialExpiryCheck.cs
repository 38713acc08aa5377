using System;
using MessagingProvider.Configuration;
using MessagingProvider.Security;

namespace MessagingProvider.Readiness.Checks;

/// <summary>Stored PFX/P12 certificates and keys that expire within the period asked about (no network needed).</summary>
public static class StoredCredentialExpiryCheck
{
    public static void Run(ReadinessContext context)
    {
        Office365Settings? o365 = context.Store.Messaging.Office365;
        if (o365?.Certificate is StoredCertificate certificate && certificate.NotAfter <= context.Horizon)
        {
            context.Add(ReadinessSeverity.Critical, ReadinessCheck.StoredCredentialExpiring,
                $"Office 365 app certificate {certificate.Subject} ({certificate.Thumbprint})", certificate.NotAfter,
                Expiry(context, certificate.NotAfter, "the app sign-in to Exchange Online and Microsoft Graph (recipients, Graph mail delivery, status probes)"),
                "Create a new certificate, upload its public key to the app registration (Certificates & secrets), then Set-MessagingProvider -Provider Office365 -CertificatePath <new.pfx> -CertificatePassword <password>.");
        }

        GoogleWorkspaceSettings? google = context.Store.Messaging.GoogleWorkspace;
        if (google?.KeyNotAfter is DateTimeOffset keyNotAfter && keyNotAfter <= context.Horizon)
        {
            context.Add(ReadinessSeverity.Critical, ReadinessCheck.StoredCredentialExpiring,
                $"Google service-account P12 key {google.KeyId} ({google.ServiceAccount})", keyNotAfter,
                Expiry(context, keyNotAfter, "the Google Workspace Directory API sign-in (groups, aliases, status probes)"),
                "Create a new key for the service account (or move to keyless sign-in) and Set-MessagingProvider -Provider GoogleWorkspace -KeyPath <new key>.");
        }
    }

    private static string Expiry(ReadinessContext context, DateTimeOffset notAfter, string what) => notAfter <= context.Now
        ? $"Expired on {notAfter:yyyy-MM-dd}: {what} already fails."
        : $"Expires on {notAfter:yyyy-MM-dd} (in {Math.Ceiling((notAfter - context.Now).TotalDays):0} days): {what} then fails.";
}

using System;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Readiness.Checks;

/// <summary>
/// Google service-account key files: new Google Cloud organisations block key creation
/// (iam.disableServiceAccountKeyCreation), and a P12 key's certificate says how old the key is.
/// </summary>
public static class GoogleKeyFileCheck
{
    public static void Run(ReadinessContext context)
    {
        GoogleWorkspaceSettings? google = context.Store.Messaging.GoogleWorkspace;
        if (google?.Key is null) return;
        string subject = $"Google service-account {google.KeyType} key {google.KeyId} ({google.ServiceAccount})";
        DateTimeOffset? created = google.KeyType == GoogleKeyType.P12 ? Created(context, google) : null;
        TimeSpan? age = created is null ? null : context.Now - created.Value;
        bool old = age is not null && age.Value > PlatformDates.GoogleKeyRotation;
        string ageText = age is null
            ? google.KeyType == GoogleKeyType.Json ? "A JSON key does not record when it was made; check its age in the Google Cloud console (IAM > Service accounts > Keys)." : ""
            : $"The key was made on {created:yyyy-MM-dd} ({age.Value.TotalDays:0} days ago){(old ? $", older than the {PlatformDates.GoogleKeyRotation.TotalDays:0} days after which Google recommends rotating it" : "")}.";
        context.Add(old ? ReadinessSeverity.Warning : ReadinessSeverity.Information, ReadinessCheck.GoogleKeyFile, subject,
            old ? created!.Value.Add(PlatformDates.GoogleKeyRotation) : null,
            $"A long-lived private key is stored for the service account. New Google Cloud organisations block service-account key creation by default (iam.disableServiceAccountKeyCreation), so a lost or rotated key may not be replaceable. {ageText}".TrimEnd(),
            "Rotate the key regularly; where the module runs on Google Cloud (Compute Engine, GKE workload identity), move to keyless sign-in so no key file is kept: grant the machine's service account the Service Account Token Creator role on this service account, then Set-MessagingProvider -Provider GoogleWorkspace -SignIn Impersonation.");
    }

    private static DateTimeOffset? Created(ReadinessContext context, GoogleWorkspaceSettings google)
    {
        try
        {
            byte[] keyBytes = context.Vault.UnprotectBytes(google.Key!);
            SecureString? password = google.KeyPassword is null ? null : context.Vault.UnprotectSecureString(google.KeyPassword);
            using X509Certificate2 certificate = CertificateImporter.Open(keyBytes, password, $"stored P12 key {google.KeyId}");
            return new DateTimeOffset(certificate.NotBefore.ToUniversalTime(), TimeSpan.Zero);
        }
        catch (Exception e) when (e is MessagingProviderException || e is CryptographicException)
        {
            context.Skip(ReadinessCheck.GoogleKeyFile, $"the age of the P12 key was not read: {e.Message}");
            return null;
        }
    }
}

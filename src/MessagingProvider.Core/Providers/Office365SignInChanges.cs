using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Providers;

/// <summary>
/// Applies the sign-in part of Set-MessagingProvider -Provider Office365: one kind at a time.
/// Choosing the certificate store or a managed identity drops the stored secret and certificate,
/// so such a store keeps no secret at all.
/// </summary>
public static class Office365SignInChanges
{
    public static void Apply(Office365Settings settings, ProviderChange change, SecretVault vault)
    {
        var chosen = new[]
        {
            // A secret and a PFX may come together, as before (the certificate is used).
            (Given: change.ClientSecret is not null || change.CertificatePath is not null, Parameter: change.CertificatePath is null ? "-ClientSecret" : "-CertificatePath"),
            (Given: change.CertificateThumbprint is not null, Parameter: "-CertificateThumbprint"),
            (Given: change.ManagedIdentity || change.ManagedIdentityClientId is not null, Parameter: "-ManagedIdentity"),
        }.Where(c => c.Given).Select(c => c.Parameter).ToList();
        if (chosen.Count > 1)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                $"Give one way to sign in, not {string.Join(" and ", chosen)}. Nothing was changed.", string.Join(",", chosen));
        }

        if (change.CertificateStoreLocation is not null && change.CertificateThumbprint is null)
        {
            throw new MessagingProviderException(ErrorIds.ProviderSettingsIncomplete, ErrorKind.InvalidArgument,
                "-CertificateStoreLocation needs -CertificateThumbprint: give the thumbprint of the certificate in that store.");
        }

        if (change.ClientSecret is not null || change.CertificatePath is not null)
        {
            StoredCertificate? imported = change.CertificatePath is null ? null : CertificateImporter.Import(change.CertificatePath, change.CertificatePassword, vault);
            Set(settings, imported is null ? Office365SignIn.ClientSecret : Office365SignIn.Certificate);
            if (change.ClientSecret is not null) settings.ClientSecret = vault.Protect(change.ClientSecret);
            if (imported is not null) settings.Certificate = imported;
        }
        else if (change.CertificateThumbprint is not null)
        {
            string thumbprint = CertificateStoreLookup.Normalize(change.CertificateThumbprint);
            CertificateStoreLocation location = change.CertificateStoreLocation ?? CertificateStoreLocation.CurrentUser;
            // Checked now, so a typo is found while the administrator is still here.
            using (CertificateStoreLookup.Find(thumbprint, location))
            {
            }

            Set(settings, Office365SignIn.CertificateStore);
            settings.CertificateThumbprint = thumbprint;
            settings.CertificateStoreLocation = location;
        }
        else if (change.ManagedIdentity || change.ManagedIdentityClientId is not null)
        {
            Set(settings, Office365SignIn.ManagedIdentity);
            settings.ManagedIdentityClientId = change.ManagedIdentityClientId;
        }
    }

    private static void Set(Office365Settings settings, Office365SignIn kind)
    {
        if (kind is Office365SignIn.ClientSecret or Office365SignIn.Certificate)
        {
            // As before: a stored certificate and secret may both be kept (the certificate is used);
            // the kind is derived from them.
            settings.SignIn = null;
        }
        else
        {
            settings.SignIn = kind;
            settings.ClientSecret = null;
            settings.Certificate = null;
        }

        if (kind != Office365SignIn.CertificateStore)
        {
            settings.CertificateThumbprint = null;
            settings.CertificateStoreLocation = null;
        }

        if (kind != Office365SignIn.ManagedIdentity) settings.ManagedIdentityClientId = null;
    }
}

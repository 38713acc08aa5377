using System;
using System.Collections.Generic;
using System.IO;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>Finding, checking and keeping the certificates a store's secrets are encrypted to.</summary>
public static class ProtectionCertificates
{
    /// <summary>The certificate with <paramref name="thumbprint"/> (SHA-1, as Windows shows it) in the personal store of this account or the machine.</summary>
    public static X509Certificate2 FindByThumbprint(string thumbprint)
    {
        string wanted = thumbprint.Replace(" ", "").Replace(":", "").ToUpperInvariant();
        foreach (StoreLocation location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                X509Certificate2Collection found = store.Certificates.Find(X509FindType.FindByThumbprint, wanted, validOnly: false);
                if (found.Count > 0) return found[0];
            }
            catch (CryptographicException)
            {
                // No such store here.
            }
        }

        throw new MessagingProviderException(ErrorIds.ProtectionCertificateNotFound, ErrorKind.NotFound,
            $"No certificate with thumbprint {wanted} is in the personal certificate store of this account or of the machine. Import it there, or give the certificate file with -CertificatePath.", thumbprint);
    }

    /// <summary>A public certificate file: DER or PEM (.cer, .crt, .pem).</summary>
    public static X509Certificate2 FromFile(string path)
    {
        try
        {
            return new X509Certificate2(File.ReadAllBytes(path));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new MessagingProviderException(ErrorIds.ProtectionCertificateNotFound, ErrorKind.NotFound,
                $"The certificate file '{path}' cannot be read: {e.Message}", path, e);
        }
        catch (CryptographicException e)
        {
            throw new MessagingProviderException(ErrorIds.ProtectionCertificateInvalid, ErrorKind.InvalidData,
                $"The file '{path}' is not a certificate (DER or PEM): {e.Message}", path, e);
        }
    }

    /// <summary>What the store keeps of a certificate it is protected with; refuses one that cannot protect secrets.</summary>
    public static ProtectionCertificate Describe(X509Certificate2 certificate, DateTimeOffset now)
    {
        string name = $"'{certificate.Subject}' ({certificate.Thumbprint})";
        using (RSA? rsa = certificate.GetRSAPublicKey())
        {
            if (rsa is null) throw Invalid(certificate, $"The certificate {name} has no RSA key; CMS envelopes need an RSA certificate.");
        }

        if (certificate.NotAfter.ToUniversalTime() < now.UtcDateTime) throw Invalid(certificate, $"The certificate {name} expired on {certificate.NotAfter:yyyy-MM-dd}.");
        foreach (X509Extension extension in certificate.Extensions)
        {
            if (extension is X509KeyUsageExtension usage && (usage.KeyUsages & (X509KeyUsageFlags.KeyEncipherment | X509KeyUsageFlags.DataEncipherment)) == 0)
            {
                throw Invalid(certificate, $"The certificate {name} may not be used for encryption (key usage: {usage.KeyUsages}); use one with Key Encipherment.");
            }
        }

        return new ProtectionCertificate
        {
            Thumbprint = certificate.Thumbprint,
            Subject = certificate.Subject,
            NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
            Data = Convert.ToBase64String(certificate.RawData),
        };
    }

    internal static X509Certificate2 Open(ProtectionCertificate stored) => new X509Certificate2(Convert.FromBase64String(stored.Data));

    /// <summary>True when this account holds the private key of one of <paramref name="certificates"/>.</summary>
    public static bool HoldsAnyPrivateKey(IEnumerable<ProtectionCertificate> certificates)
    {
        foreach (ProtectionCertificate certificate in certificates)
        {
            try
            {
                using X509Certificate2 found = FindByThumbprint(certificate.Thumbprint);
                if (found.HasPrivateKey) return true;
            }
            catch (MessagingProviderException)
            {
                // Not here.
            }
        }

        return false;
    }

    private static MessagingProviderException Invalid(X509Certificate2 certificate, string message) =>
        new MessagingProviderException(ErrorIds.ProtectionCertificateInvalid, ErrorKind.InvalidArgument, message, certificate.Thumbprint);
}

using System;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Finds the app's certificate by thumbprint in the "My" store of the current user or the machine
/// (Windows' certificate store; on Linux and macOS .NET's own X509Store). Its private key never
/// leaves the store, and nothing secret is kept in the identity store.
/// </summary>
public static class CertificateStoreLookup
{
    public static X509Certificate2 Find(string thumbprint, CertificateStoreLocation location)
    {
        using var store = new X509Store(StoreName.My, location == CertificateStoreLocation.LocalMachine ? StoreLocation.LocalMachine : StoreLocation.CurrentUser);
        try
        {
            store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException || e is PlatformNotSupportedException || e is UnauthorizedAccessException)
        {
            throw NotFound(thumbprint, location, $" The {location} certificate store cannot be opened: {e.Message}", e);
        }

        X509Certificate2Collection found = store.Certificates.Find(X509FindType.FindByThumbprint, thumbprint, validOnly: false);
        if (found.Count == 0) throw NotFound(thumbprint, location, "", null);
        X509Certificate2 certificate = found[0];
        if (!certificate.HasPrivateKey)
        {
            throw new MessagingProviderException(ErrorIds.CertificateHasNoPrivateKey, ErrorKind.InvalidData,
                $"The certificate {thumbprint} in the {location}\\My store has no private key this account can use. Import it with its private key (a PFX), or give this account read access to the key.", thumbprint);
        }

        return certificate;
    }

    /// <summary>The thumbprint as the store compares it: hexadecimal, upper case, no spaces or colons.</summary>
    public static string Normalize(string thumbprint)
    {
        string t = thumbprint.Replace(" ", "").Replace(":", "").Trim().ToUpperInvariant();
        if (t.Length == 40 && IsHex(t)) return t;
        throw new MessagingProviderException(ErrorIds.InvalidCertificateThumbprint, ErrorKind.InvalidArgument,
            $"'{thumbprint}' is not a certificate thumbprint: give the SHA-1 thumbprint the certificate store shows (40 hexadecimal characters).", thumbprint);
    }

    private static bool IsHex(string text)
    {
        foreach (char c in text) if (!Uri.IsHexDigit(c)) return false;
        return true;
    }

    private static MessagingProviderException NotFound(string thumbprint, CertificateStoreLocation location, string more, Exception? inner) =>
        new MessagingProviderException(ErrorIds.AppCertificateNotFound, ErrorKind.NotFound,
            $"No certificate with the thumbprint {thumbprint} is in the {location}\\My certificate store of this computer for this account.{more} Import the app registration's certificate there (with its private key), or give -CertificateStoreLocation where it is.", thumbprint, inner);
}

using System;
using System.IO;
using System.Runtime.InteropServices;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>Imports PFX/P12 files: they must open with the password and carry a private key.</summary>
public static class CertificateImporter
{
    public static StoredCertificate Import(string path, SecureString? password, SecretVault vault)
    {
        byte[] pfx = ReadKeyFile(path);
        using X509Certificate2 certificate = Open(pfx, password, path);
        try
        {
            return new StoredCertificate
            {
                Thumbprint = certificate.Thumbprint,
                Subject = certificate.Subject,
                NotAfter = new DateTimeOffset(certificate.NotAfter.ToUniversalTime(), TimeSpan.Zero),
                Pfx = vault.Protect(pfx),
                Password = password is null ? null : vault.Protect(password),
            };
        }
        finally
        {
            Array.Clear(pfx, 0, pfx.Length);
        }
    }

    internal static byte[] ReadKeyFile(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is FileNotFoundException || e is DirectoryNotFoundException)
        {
            throw new MessagingProviderException(ErrorIds.FileNotFound, ErrorKind.NotFound,
                $"The file '{path}' does not exist. Check the path.", path, e);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new MessagingProviderException(ErrorIds.KeyFileInvalid, ErrorKind.PermissionDenied,
                $"The file '{path}' could not be read: {e.Message}", path, e);
        }
    }

    internal static X509Certificate2 Open(byte[] pfx, SecureString? password, string source)
    {
        X509Certificate2 certificate;
        string? plainPassword = password is null ? null : SecretConversion.ToPlainString(password);
        try
        {
            certificate = new X509Certificate2(pfx, plainPassword, KeyStorageFlags());
        }
        catch (CryptographicException e)
        {
            // A PKCS#12 file is a DER SEQUENCE; anything else is not a certificate file at all.
            bool looksLikePkcs12 = pfx.Length > 0 && pfx[0] == 0x30;
            if (looksLikePkcs12)
            {
                throw new MessagingProviderException(ErrorIds.CertificatePasswordIncorrect, ErrorKind.InvalidArgument,
                    $"The certificate '{source}' could not be opened with the given password. Give the password used when the PFX/P12 file was exported.", source, e);
            }

            throw new MessagingProviderException(ErrorIds.CertificateFileInvalid, ErrorKind.InvalidData,
                $"'{source}' is not a PFX/P12 certificate file. Export the certificate with its private key as .pfx or .p12.", source, e);
        }

        if (!certificate.HasPrivateKey)
        {
            certificate.Dispose();
            throw new MessagingProviderException(ErrorIds.CertificateHasNoPrivateKey, ErrorKind.InvalidData,
                $"The certificate in '{source}' has no private key. Export it again including the private key.", source);
        }

        return certificate;
    }

    private static X509KeyStorageFlags KeyStorageFlags() =>
        // Ephemeral keys never touch the disk; macOS does not support them.
        RuntimeInformation.IsOSPlatform(OSPlatform.OSX)
            ? X509KeyStorageFlags.Exportable
            : X509KeyStorageFlags.EphemeralKeySet;
}

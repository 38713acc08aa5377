using System;
using System.Collections.Generic;
using System.Linq;
using System.Security.Cryptography;
using System.Security.Cryptography.Pkcs;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// <see cref="SecretProtectionScope.Certificate"/>: each secret is a CMS envelope (AES-256) to every
/// certificate of the store, so any account on any machine holding one of the private keys can read
/// it. CMS binds nothing to a place and its CBC content can be altered, so the envelope carries the
/// place and a SHA-256 over place and value: a value moved to another field, or altered, is refused.
/// </summary>
internal sealed class CertificateSecretProtector : ISecretProtector
{
    internal const string SchemeName = SecretSchemes.Cms;
    private const string Aes256CbcOid = "2.16.840.1.101.3.4.1.42";
    private const int DigestSize = 32;

    private readonly IReadOnlyList<X509Certificate2> _recipients;
    private X509Certificate2Collection? _privateKeys;

    public CertificateSecretProtector(IReadOnlyList<X509Certificate2> recipients)
    {
        _recipients = recipients;
    }

    /// <summary>For reading only: the recipients are in each envelope.</summary>
    public static CertificateSecretProtector Reader() => new CertificateSecretProtector(Array.Empty<X509Certificate2>());

    public string BoundScheme => SchemeName;

    public ProtectedSecret Protect(byte[] plain, string place)
    {
        if (_recipients.Count == 0) throw new InvalidOperationException("A certificate-protected store has no certificates.");
        foreach (X509Certificate2 recipient in _recipients)
        {
            if (recipient.NotAfter.ToUniversalTime() < DateTime.UtcNow)
            {
                throw new MessagingProviderException(ErrorIds.ProtectionCertificateInvalid, ErrorKind.InvalidOperation,
                    $"The certificate '{recipient.Subject}' ({recipient.Thumbprint}) this store's secrets are encrypted to expired on {recipient.NotAfter:yyyy-MM-dd}: no new secret is encrypted to it. Choose current certificates with Set-IdentityStore -ProtectionScope Certificate.", recipient.Thumbprint);
            }
        }

        byte[] content = Wrap(plain, place);
        try
        {
            var envelope = new EnvelopedCms(new ContentInfo(content), new AlgorithmIdentifier(new Oid(Aes256CbcOid)));
            var recipients = new CmsRecipientCollection();
            foreach (X509Certificate2 certificate in _recipients) recipients.Add(Recipient(certificate));
            envelope.Encrypt(recipients);
            return new ProtectedSecret { Scheme = SchemeName, Place = place, Data = Convert.ToBase64String(envelope.Encode()) };
        }
        finally
        {
            Array.Clear(content, 0, content.Length);
        }
    }

    private static CmsRecipient Recipient(X509Certificate2 certificate) =>
#if NET
        new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, certificate, RSAEncryptionPadding.OaepSHA256);
#else
        new CmsRecipient(SubjectIdentifierType.IssuerAndSerialNumber, certificate);
#endif

    public byte[] Unprotect(ProtectedSecret secret)
    {
        string place = SecretPlace.Require(secret);
        var envelope = new EnvelopedCms();
        try
        {
            envelope.Decode(Convert.FromBase64String(secret.Data));
        }
        catch (Exception e) when (e is CryptographicException || e is FormatException)
        {
            throw Refused(secret, "it is not a CMS envelope", e);
        }

        try
        {
            envelope.Decrypt(PrivateKeys());
        }
        catch (CryptographicException e) when (HoldsKeyOfARecipient(envelope))
        {
            throw Refused(secret, "its content was altered or damaged", e);
        }
        catch (CryptographicException e)
        {
            string recipients = string.Join("; ", envelope.RecipientInfos.Cast<RecipientInfo>().Select(Describe));
            throw new MessagingProviderException(ErrorIds.SecretCertificateUnavailable, ErrorKind.PermissionDenied,
                $"The stored secret {SecretPlace.Describe(secret)}is encrypted to certificates whose private key this account does not hold ({recipients}). Import one of them, with its private key, into this account's personal certificate store (Cert:\\CurrentUser\\My; on Linux and macOS the .NET store of the account), or ask the store's administrator to add a certificate of this account.",
                place, e);
        }

        return Unwrap(envelope.ContentInfo.Content, secret, place);
    }

    private X509Certificate2Collection PrivateKeys()
    {
        if (_privateKeys is not null) return _privateKeys;
        var found = new X509Certificate2Collection();
        foreach (StoreLocation location in new[] { StoreLocation.CurrentUser, StoreLocation.LocalMachine })
        {
            try
            {
                using var store = new X509Store(StoreName.My, location);
                store.Open(OpenFlags.ReadOnly | OpenFlags.OpenExistingOnly);
                foreach (X509Certificate2 certificate in store.Certificates)
                {
                    if (certificate.HasPrivateKey) found.Add(certificate);
                }
            }
            catch (CryptographicException)
            {
                // No such store for this account (or LocalMachine\My on Linux): nothing to add.
            }
        }

        _privateKeys = found;
        return found;
    }

    private bool HoldsKeyOfARecipient(EnvelopedCms envelope)
    {
        foreach (RecipientInfo recipient in envelope.RecipientInfos)
        {
            if (recipient.RecipientIdentifier.Value is not X509IssuerSerial wanted) continue;
            foreach (X509Certificate2 held in PrivateKeys())
            {
                if (string.Equals(held.SerialNumber, wanted.SerialNumber, StringComparison.OrdinalIgnoreCase) &&
                    string.Equals(held.IssuerName.Name, wanted.IssuerName, StringComparison.Ordinal)) return true;
            }
        }

        return false;
    }

    private static string Describe(RecipientInfo recipient) => recipient.RecipientIdentifier.Value switch
    {
        X509IssuerSerial issuerSerial => $"issuer '{issuerSerial.IssuerName}', serial {issuerSerial.SerialNumber}",
        _ => recipient.RecipientIdentifier.Value?.ToString() ?? "unknown",
    };

    private static byte[] Wrap(byte[] plain, string place)
    {
        byte[] placeBytes = Encoding.UTF8.GetBytes(place);
        byte[] content = new byte[2 + placeBytes.Length + plain.Length + DigestSize];
        content[0] = (byte)(placeBytes.Length >> 8);
        content[1] = (byte)placeBytes.Length;
        Buffer.BlockCopy(placeBytes, 0, content, 2, placeBytes.Length);
        Buffer.BlockCopy(plain, 0, content, 2 + placeBytes.Length, plain.Length);
        byte[] digest = Digest(content, content.Length - DigestSize);
        Buffer.BlockCopy(digest, 0, content, content.Length - DigestSize, DigestSize);
        return content;
    }

    private static byte[] Unwrap(byte[] content, ProtectedSecret secret, string place)
    {
        try
        {
            if (content.Length < 2 + DigestSize) throw Refused(secret, "its content is too short", null);
            int placeLength = (content[0] << 8) | content[1];
            int plainLength = content.Length - 2 - placeLength - DigestSize;
            if (plainLength < 0) throw Refused(secret, "its content is damaged", null);
            byte[] digest = Digest(content, content.Length - DigestSize);
            bool intact = CryptographicEquals(digest, content, content.Length - DigestSize);
            string storedPlace = Encoding.UTF8.GetString(content, 2, placeLength);
            if (!intact) throw Refused(secret, "its content was altered", null);
            if (!string.Equals(storedPlace, place, StringComparison.Ordinal)) throw Refused(secret, $"it was stored for '{storedPlace}' and copied here", null);
            byte[] plain = new byte[plainLength];
            Buffer.BlockCopy(content, 2 + placeLength, plain, 0, plainLength);
            return plain;
        }
        finally
        {
            Array.Clear(content, 0, content.Length);
        }
    }

    private static byte[] Digest(byte[] content, int count)
    {
        using SHA256 sha = SHA256.Create();
        return sha.ComputeHash(content, 0, count);
    }

    private static bool CryptographicEquals(byte[] digest, byte[] content, int offset)
    {
        int difference = 0;
        for (int i = 0; i < DigestSize; i++) difference |= digest[i] ^ content[offset + i];
        return difference == 0;
    }

    private static MessagingProviderException Refused(ProtectedSecret secret, string why, Exception? inner) =>
        new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
            $"The stored secret {SecretPlace.Describe(secret)}was refused: {why}. Set the secret again.", secret.Place, inner);
}

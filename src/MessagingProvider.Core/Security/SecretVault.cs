using System;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;

namespace MessagingProvider.Security;

/// <summary>
/// Protects secrets for one configuration directory and hands them back only as
/// <see cref="SecureString"/>, <see cref="PSCredential"/> or certificate objects.
/// </summary>
public sealed class SecretVault
{
    private readonly string _directory;
    private readonly Lazy<ISecretProtector> _protector;

    public SecretVault(string directory)
    {
        _directory = directory;
        _protector = new Lazy<ISecretProtector>(() => SecretProtectorFactory.ForDirectory(directory));
    }

    /// <param name="place">Where it will be stored, when that is not an identity store document (whose
    /// secrets are bound to their field when the document is written); null: unbound for now.</param>
    public ProtectedSecret Protect(byte[] plain, string? place = null) => _protector.Value.Protect(plain, place);

    public ProtectedSecret Protect(SecureString secret)
    {
        byte[] plain = SecretConversion.ToUtf8Bytes(secret);
        try
        {
            return Protect(plain);
        }
        finally
        {
            Array.Clear(plain, 0, plain.Length);
        }
    }

    /// <summary>The caller clears the returned array.</summary>
    public byte[] UnprotectBytes(ProtectedSecret secret) =>
        SecretProtectorFactory.ForSecret(secret, _directory).Unprotect(secret);

    public SecureString UnprotectSecureString(ProtectedSecret secret)
    {
        byte[] plain = UnprotectBytes(secret);
        try
        {
            return SecretConversion.ToSecureString(plain);
        }
        finally
        {
            Array.Clear(plain, 0, plain.Length);
        }
    }

    /// <summary>Re-protects <paramref name="secret"/> in place for <paramref name="place"/> unless it is bound there already.</summary>
    public void Bind(ProtectedSecret secret, string place)
    {
        ISecretProtector protector = _protector.Value;
        if (secret.Scheme == protector.BoundScheme && secret.Place == place) return;
        byte[] plain = UnprotectBytes(secret);
        try
        {
            ProtectedSecret bound = protector.Protect(plain, place);
            secret.Scheme = bound.Scheme;
            secret.Data = bound.Data;
            secret.Place = place;
        }
        finally
        {
            Array.Clear(plain, 0, plain.Length);
        }
    }

    public PSCredential ToCredential(string userName, ProtectedSecret password) =>
        new PSCredential(userName, UnprotectSecureString(password));

    public X509Certificate2 OpenCertificate(StoredCertificate stored)
    {
        byte[] pfx = UnprotectBytes(stored.Pfx);
        SecureString? password = stored.Password is null ? null : UnprotectSecureString(stored.Password);
        return CertificateImporter.Open(pfx, password, $"stored certificate {stored.Thumbprint}");
    }
}

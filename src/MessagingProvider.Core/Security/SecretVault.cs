using System;
using System.Collections.Generic;
using System.Management.Automation;
using System.Security;
using System.Security.Cryptography.X509Certificates;
using MessagingProvider.Configuration;

namespace MessagingProvider.Security;

/// <summary>
/// Protects secrets for one configuration directory and hands them back only as
/// <see cref="SecureString"/>, <see cref="PSCredential"/> or certificate objects.
/// </summary>
public sealed class SecretVault
{
    private readonly string _directory;
    private readonly Dictionary<string, ISecretProtector> _readers = new Dictionary<string, ISecretProtector>(StringComparer.Ordinal);

    public SecretVault(string directory)
    {
        _directory = directory;
    }

    /// <summary>
    /// Protects a secret a command was given, until its document is written: then it is bound to its
    /// field with the store's protection scope (<see cref="Bind"/>). It is never stored as it is.
    /// </summary>
    public ProtectedSecret Protect(byte[] plain) => ProcessSecretProtector.Instance.Protect(plain);

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

    /// <summary>Protects a secret stored outside the store's document (a companion file) at <paramref name="place"/>.</summary>
    public ProtectedSecret ProtectFor(byte[] plain, string place, SecretProtectionSettings? protection) =>
        SecretProtectorFactory.For(protection, _directory).Protect(plain, place);

    /// <summary>The caller clears the returned array.</summary>
    public byte[] UnprotectBytes(ProtectedSecret secret)
    {
        if (secret.Scheme == ProcessSecretProtector.SchemeName) return ProcessSecretProtector.Instance.Unprotect(secret);
        if (!_readers.TryGetValue(secret.Scheme, out ISecretProtector? reader))
        {
            reader = SecretProtectorFactory.ForScheme(secret.Scheme, _directory);
            _readers[secret.Scheme] = reader;
        }

        return reader.Unprotect(secret);
    }

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

    /// <summary>Binds every secret at its place with <paramref name="protector"/>: re-protects those of another scheme or place, or all when <paramref name="all"/>.</summary>
    internal void Bind(IEnumerable<(ProtectedSecret Secret, string Place)> secrets, ISecretProtector protector, bool all)
    {
        foreach ((ProtectedSecret secret, string place) in secrets)
        {
            if (!all && secret.Scheme == protector.BoundScheme && secret.Place == place) continue;
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
    }

    internal ISecretProtector ProtectorFor(SecretProtectionSettings? protection) => SecretProtectorFactory.For(protection, _directory);

    public PSCredential ToCredential(string userName, ProtectedSecret password) =>
        new PSCredential(userName, UnprotectSecureString(password));

    public X509Certificate2 OpenCertificate(StoredCertificate stored)
    {
        byte[] pfx = UnprotectBytes(stored.Pfx);
        SecureString? password = stored.Password is null ? null : UnprotectSecureString(stored.Password);
        return CertificateImporter.Open(pfx, password, $"stored certificate {stored.Thumbprint}");
    }
}

using System;
using System.Collections.Generic;
using System.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using MessagingProvider.Errors;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration.Portable;

/// <summary>
/// The key of one export file: derived from a password (PBKDF2-HMAC-SHA256) or random and sealed in
/// a CMS envelope to certificates. It yields two keys: one encrypts the secrets, one authenticates
/// the whole store section, so nothing in the file can be changed unnoticed.
/// </summary>
internal sealed class StoreExportKey : IDisposable
{
    public const int PasswordIterations = 600_000;
    public const int MinimumPasswordLength = 12;
    private const string EnvelopePlace = "export/key";
    private readonly byte[] _key;

    private StoreExportKey(byte[] key)
    {
        _key = key;
    }

    public static StoreExportKey FromPassword(SecureString password, byte[] salt, int iterations)
    {
        byte[] secret = SecretConversion.ToUtf8Bytes(password);
        try
        {
            using var kdf = new Rfc2898DeriveBytes(secret, salt, iterations, HashAlgorithmName.SHA256);
            return new StoreExportKey(kdf.GetBytes(32));
        }
        finally
        {
            Array.Clear(secret, 0, secret.Length);
        }
    }

    public static StoreExportKey NewRandom() => new StoreExportKey(RandomBytes(32));

    /// <summary>Opens a key sealed to certificates with the private keys this account holds.</summary>
    public static StoreExportKey FromEnvelope(string envelope) =>
        new StoreExportKey(CertificateSecretProtector.Reader().Unprotect(new ProtectedSecret { Scheme = CertificateSecretProtector.SchemeName, Data = envelope, Place = EnvelopePlace }));

    public string SealTo(IReadOnlyList<X509Certificate2> certificates) =>
        new CertificateSecretProtector(certificates).Protect(_key, EnvelopePlace).Data;

    public static byte[] RandomBytes(int count)
    {
        byte[] bytes = new byte[count];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(bytes);
        return bytes;
    }

    private byte[] SubKey(string purpose)
    {
        using var hmac = new HMACSHA256(_key);
        return hmac.ComputeHash(Encoding.UTF8.GetBytes("MessagingProvider export v1 " + purpose));
    }

    public byte[] Authenticate(byte[] content)
    {
        using var hmac = new HMACSHA256(SubKey("mac"));
        return hmac.ComputeHash(content);
    }

    public bool IsAuthentic(byte[] content, byte[] tag)
    {
        byte[] expected = Authenticate(content);
        if (expected.Length != tag.Length) return false;
        int difference = 0;
        for (int i = 0; i < expected.Length; i++) difference |= expected[i] ^ tag[i];
        return difference == 0;
    }

    public string Encrypt(byte[] plain)
    {
        using Aes aes = Aes.Create();
        aes.Key = SubKey("enc");
        aes.GenerateIV();
        using ICryptoTransform encryptor = aes.CreateEncryptor();
        byte[] cipher = encryptor.TransformFinalBlock(plain, 0, plain.Length);
        byte[] output = new byte[aes.IV.Length + cipher.Length];
        Buffer.BlockCopy(aes.IV, 0, output, 0, aes.IV.Length);
        Buffer.BlockCopy(cipher, 0, output, aes.IV.Length, cipher.Length);
        return Convert.ToBase64String(output);
    }

    /// <summary>Only called once the store section is authenticated: a failure here means a damaged file.</summary>
    public byte[] Decrypt(string data)
    {
        try
        {
            byte[] input = Convert.FromBase64String(data);
            using Aes aes = Aes.Create();
            aes.Key = SubKey("enc");
            byte[] iv = new byte[16];
            Buffer.BlockCopy(input, 0, iv, 0, iv.Length);
            aes.IV = iv;
            using ICryptoTransform decryptor = aes.CreateDecryptor();
            return decryptor.TransformFinalBlock(input, iv.Length, input.Length - iv.Length);
        }
        catch (Exception e) when (e is CryptographicException || e is FormatException || e is ArgumentException)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportInvalid, ErrorKind.InvalidData, "A secret in the export file is damaged.", innerException: e);
        }
    }

    public void Dispose() => Array.Clear(_key, 0, _key.Length);
}

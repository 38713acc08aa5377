using System;
using System.Security.Cryptography;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Holds a secret a command was just given until its document is written, when it is re-protected
/// with the store's scope and bound to its field. The key lives only in this process, so such a
/// value is useless anywhere else, and protecting it makes no key file and asks no certificate.
/// </summary>
internal sealed class ProcessSecretProtector
{
    internal const string SchemeName = "process-v1";
    private const int BlockSize = 16;
    private static readonly byte[] Key = NewKey();

    public static readonly ProcessSecretProtector Instance = new ProcessSecretProtector();

    private static byte[] NewKey()
    {
        byte[] key = new byte[32];
        using (var random = RandomNumberGenerator.Create()) random.GetBytes(key);
        return key;
    }

    public ProtectedSecret Protect(byte[] plain)
    {
        using Aes aes = Aes.Create();
        aes.Key = Key;
        aes.GenerateIV();
        using ICryptoTransform encryptor = aes.CreateEncryptor();
        byte[] cipher = encryptor.TransformFinalBlock(plain, 0, plain.Length);
        byte[] output = new byte[BlockSize + cipher.Length];
        Buffer.BlockCopy(aes.IV, 0, output, 0, BlockSize);
        Buffer.BlockCopy(cipher, 0, output, BlockSize, cipher.Length);
        return new ProtectedSecret { Scheme = SchemeName, Data = Convert.ToBase64String(output) };
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
        try
        {
            byte[] input = Convert.FromBase64String(secret.Data);
            using Aes aes = Aes.Create();
            aes.Key = Key;
            byte[] iv = new byte[BlockSize];
            Buffer.BlockCopy(input, 0, iv, 0, BlockSize);
            aes.IV = iv;
            using ICryptoTransform decryptor = aes.CreateDecryptor();
            return decryptor.TransformFinalBlock(input, BlockSize, input.Length - BlockSize);
        }
        catch (Exception e) when (e is CryptographicException || e is FormatException || e is ArgumentException)
        {
            throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.InvalidData,
                $"The stored secret {SecretPlace.Describe(secret)}was never meant to be stored ({SchemeName}) and cannot be read; set the secret again.", innerException: e);
        }
    }
}

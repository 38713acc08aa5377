#if NET
using System;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Linux and macOS have no DPAPI. Secrets are sealed with AES-256-GCM under a random key kept in a
/// key file: the current user's (<see cref="UserKeyFile"/>) or the machine's (<see cref="MachineKeyFile"/>).
/// A bound secret authenticates its scheme and place, so decrypting it anywhere else fails the tag check.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class AesGcmSecretProtector : ISecretProtector
{
    internal const string UnboundUserScheme = SecretSchemes.AesUnbound;
    internal const string UserScheme = SecretSchemes.AesUser;
    internal const string MachineScheme = SecretSchemes.AesMachine;
    private const int NonceSize = 12;
    private const int TagSize = 16;

    private readonly ISymmetricKeyFile _keyFile;

    private AesGcmSecretProtector(ISymmetricKeyFile keyFile, string boundScheme)
    {
        _keyFile = keyFile;
        BoundScheme = boundScheme;
    }

    public static AesGcmSecretProtector ForUser(string directory) => new AesGcmSecretProtector(new UserKeyFile(directory), UserScheme);

    public static AesGcmSecretProtector ForMachine() => new AesGcmSecretProtector(new MachineKeyFile(), MachineScheme);

    public string BoundScheme { get; }

    private static byte[] AssociatedDataFor(string scheme, string? place) =>
        Encoding.UTF8.GetBytes(scheme == UnboundUserScheme ? scheme : scheme + "|" + place);

    public ProtectedSecret Protect(byte[] plain, string place) => Seal(plain, BoundScheme, place);

    /// <summary>The format stores had before secrets were bound to their place; written only to prove it is still read.</summary>
    internal ProtectedSecret ProtectUnbound(byte[] plain) => Seal(plain, UnboundUserScheme, null);

    private ProtectedSecret Seal(byte[] plain, string scheme, string? place)
    {
        var secret = new ProtectedSecret { Scheme = scheme, Place = place };
        byte[] key = _keyFile.GetKey(createIfMissing: true);
        byte[] output = new byte[NonceSize + TagSize + plain.Length];
        Span<byte> nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedDataFor(scheme, place));
        secret.Data = Convert.ToBase64String(output);
        return secret;
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
        byte[] input = Convert.FromBase64String(secret.Data);
        if (input.Length < NonceSize + TagSize) throw Undecryptable(secret, null);
        string? place = secret.Scheme == UnboundUserScheme ? null : SecretPlace.Require(secret);
        byte[] plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            // Never a new key here: it could not decrypt anything, and every stored secret would be orphaned silently.
            using var aes = new AesGcm(_keyFile.GetKey(createIfMissing: false), TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, AssociatedDataFor(secret.Scheme, place));
            return plain;
        }
        catch (CryptographicException e)
        {
            throw Undecryptable(secret, e);
        }
    }

    private MessagingProviderException Undecryptable(ProtectedSecret secret, Exception? inner) =>
        new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
            $"The stored secret {SecretPlace.Describe(secret)}could not be decrypted with the key in '{_keyFile.Path}': the value was changed or copied from another field or store, or the key file was replaced. Set the secret again.",
            _keyFile.Path, inner);
}
#endif

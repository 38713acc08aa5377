#if NET
using System;
using System.IO;
using System.Security.Cryptography;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// Linux and macOS have no DPAPI. Secrets are sealed with AES-256-GCM under a random per-user key
/// kept in a key file that only its owner can read (0600), the protection ssh gives private keys.
/// The key file lives in the configuration directory so that a scheduled job pointed at another
/// directory (MESSAGINGPROVIDER_CONFIG_PATH) carries its own key; copying the JSON documents alone
/// discloses nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class AesGcmSecretProtector : ISecretProtector
{
    internal const string SchemeName = "aes256gcm-v1";
    internal const string BoundSchemeName = "aes256gcm-v2";
    internal const string KeyFileName = "secret.key";
    private const int NonceSize = 12;
    private const int TagSize = 16;
    private const int KeySize = 32;
    private static readonly byte[] UnboundAssociatedData = Encoding.UTF8.GetBytes(SchemeName);

    private readonly string _keyPath;
    private byte[]? _key;

    public AesGcmSecretProtector(string directory)
    {
        _keyPath = Path.Combine(directory, KeyFileName);
    }

    public string Scheme => SchemeName;

    public string BoundScheme => BoundSchemeName;

    // A bound secret authenticates its place: decrypting it anywhere else fails the GCM tag check.
    private static byte[] AssociatedDataFor(ProtectedSecret secret) =>
        secret.Scheme == BoundSchemeName ? Encoding.UTF8.GetBytes(BoundSchemeName + "|" + SecretPlace.Require(secret)) : UnboundAssociatedData;

    public ProtectedSecret Protect(byte[] plain, string? place)
    {
        var secret = new ProtectedSecret { Scheme = place is null ? SchemeName : BoundSchemeName, Place = place };
        byte[] key = GetKey(createIfMissing: true);
        byte[] output = new byte[NonceSize + TagSize + plain.Length];
        Span<byte> nonce = output.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, output.AsSpan(NonceSize + TagSize), output.AsSpan(NonceSize, TagSize), AssociatedDataFor(secret));
        secret.Data = Convert.ToBase64String(output);
        return secret;
    }

    public byte[] Unprotect(ProtectedSecret secret)
    {
        byte[] input = Convert.FromBase64String(secret.Data);
        if (input.Length < NonceSize + TagSize) throw Undecryptable(secret, null);
        byte[] plain = new byte[input.Length - NonceSize - TagSize];
        try
        {
            // Never a new key here: it could not decrypt anything, and every stored secret would be orphaned silently.
            using var aes = new AesGcm(GetKey(createIfMissing: false), TagSize);
            aes.Decrypt(input.AsSpan(0, NonceSize), input.AsSpan(NonceSize + TagSize), input.AsSpan(NonceSize, TagSize), plain, AssociatedDataFor(secret));
            return plain;
        }
        catch (CryptographicException e)
        {
            throw Undecryptable(secret, e);
        }
    }

    private MessagingProviderException Undecryptable(ProtectedSecret secret, Exception? inner) =>
        new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.SecurityError,
            $"The stored secret {SecretPlace.Describe(secret)}could not be decrypted with the key in '{_keyPath}': the value was changed or copied from another field or store, or the key file was replaced. Set the secret again.",
            _keyPath, inner);

    private byte[] GetKey(bool createIfMissing)
    {
        if (_key is not null) return _key;
        if (!File.Exists(_keyPath))
        {
            if (!createIfMissing)
            {
                throw new MessagingProviderException(ErrorIds.SecretKeyMissing, ErrorKind.NotFound,
                    $"The key file '{_keyPath}' that protects the stored secrets is missing, so they cannot be decrypted. Restore it from a backup, or set every stored secret again (a new key is made when the first one is set).",
                    _keyPath);
            }

            CreateKey();
        }

        RequireOwnerOnly();
        byte[] key = ReadKey();
        _key = key;
        return key;
    }

    /// <summary>
    /// Writes the key to a temporary file (owner-only from the start) and moves it into place
    /// without overwriting (a link, on Unix): a process killed at any moment leaves either no key
    /// or a whole one, and of two racing processes the first key wins.
    /// </summary>
    private void CreateKey()
    {
        byte[] fresh = RandomNumberGenerator.GetBytes(KeySize);
        string temporary = _keyPath + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var options = new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite,
            };
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(fresh, 0, fresh.Length);
                stream.Flush(true);
            }

            File.Move(temporary, _keyPath, overwrite: false);
        }
        catch (IOException) when (File.Exists(_keyPath))
        {
            // Another process created the key first: use theirs.
        }
        finally
        {
            Array.Clear(fresh, 0, fresh.Length);
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    /// <summary>A key others can read, or that another user put there, protects nothing.</summary>
    private void RequireOwnerOnly()
    {
        UnixFileMode mode = File.GetUnixFileMode(_keyPath);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                    UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) != 0)
        {
            throw new MessagingProviderException(ErrorIds.SecretKeyInsecure, ErrorKind.SecurityError,
                $"The key file '{_keyPath}' can be read or changed by other users (mode {Convert.ToString((int)mode, 8)}), so the secrets it protects may be known. Run 'chmod 600' on it if nobody else could have read it, otherwise remove it and set every stored secret again.",
                _keyPath);
        }

        uint? owner = UnixFileOwner.OwnerOf(_keyPath);
        uint me = UnixFileOwner.EffectiveUserId;
        if (owner is not null && owner.Value != me)
        {
            throw new MessagingProviderException(ErrorIds.SecretKeyInsecure, ErrorKind.SecurityError,
                $"The key file '{_keyPath}' belongs to user id {owner.Value}, not to this account (user id {me}): whoever made it knows the key. Use a configuration directory of this account, or a protection scope meant for sharing.",
                _keyPath);
        }
    }

    private byte[] ReadKey()
    {
        // A key still being written by a racing process is shorter than KeySize for a moment.
        for (int attempt = 0; ; attempt++)
        {
            byte[] key = File.ReadAllBytes(_keyPath);
            if (key.Length == KeySize) return key;
            if (attempt >= 50)
            {
                throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.InvalidData,
                    $"The key file '{_keyPath}' is damaged ({key.Length} bytes, expected {KeySize}). Remove it and set every stored secret again.", _keyPath);
            }

            System.Threading.Thread.Sleep(10);
        }
    }
}
#endif

#if NET
using System;
using System.IO;
using System.Security.Cryptography;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// The current user's key: a random key in the configuration directory that only its owner can
/// read (0600), the protection ssh gives private keys. It lives beside the documents so a scheduled
/// job pointed at another directory (MESSAGINGPROVIDER_CONFIG_PATH) carries its own key; copying
/// the JSON documents alone discloses nothing.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class UserKeyFile : ISymmetricKeyFile
{
    internal const string FileName = "secret.key";
    private byte[]? _key;

    public UserKeyFile(string directory)
    {
        Path = System.IO.Path.Combine(directory, FileName);
    }

    public string Path { get; }

    public byte[] GetKey(bool createIfMissing)
    {
        if (_key is not null) return _key;
        if (!File.Exists(Path))
        {
            if (!createIfMissing)
            {
                throw new MessagingProviderException(ErrorIds.SecretKeyMissing, ErrorKind.NotFound,
                    $"The key file '{Path}' that protects the stored secrets is missing, so they cannot be decrypted. Restore it from a backup, or set every stored secret again (a new key is made when the first one is set).",
                    Path);
            }

            KeyFileContent.CreateNew(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        RequireOwnerOnly();
        _key = KeyFileContent.Read(Path);
        return _key;
    }

    /// <summary>A key others can read, or that another user put there, protects nothing.</summary>
    private void RequireOwnerOnly()
    {
        UnixFileMode mode = File.GetUnixFileMode(Path);
        const UnixFileMode others = UnixFileMode.GroupRead | UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                    UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        if ((mode & others) != 0)
        {
            throw new MessagingProviderException(ErrorIds.SecretKeyInsecure, ErrorKind.SecurityError,
                $"The key file '{Path}' can be read or changed by other users (mode {Convert.ToString((int)mode, 8)}), so the secrets it protects may be known. Run 'chmod 600' on it if nobody else could have read it, otherwise remove it and set every stored secret again.",
                Path);
        }

        uint? owner = UnixFileOwner.OwnerOf(Path);
        uint me = UnixFileOwner.EffectiveUserId;
        if (owner is not null && owner.Value != me)
        {
            throw new MessagingProviderException(ErrorIds.SecretKeyInsecure, ErrorKind.SecurityError,
                $"The key file '{Path}' belongs to user id {owner.Value}, not to this account (user id {me}): whoever made it knows the key. Use a configuration directory of this account, or a protection scope meant for sharing (Set-IdentityStore -ProtectionScope).",
                Path);
        }
    }
}
#endif

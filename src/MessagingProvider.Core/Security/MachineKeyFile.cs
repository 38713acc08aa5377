#if NET
using System;
using System.IO;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>
/// The machine's key for <see cref="SecretProtectionScope.LocalMachine"/> stores on Linux and macOS:
/// owned by root, readable by root and one group (the accounts scheduled jobs run as), writable by
/// nobody else (0640 or 0600). Only root can make it; every account of the group can then read the
/// stores protected with it.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal sealed class MachineKeyFile : ISymmetricKeyFile
{
    public const string EnvironmentVariable = "MESSAGINGPROVIDER_MACHINE_KEY_PATH";
    private const string DefaultPath = "/etc/messagingprovider/machine.key";
    private byte[]? _key;

    public string Path { get; } = Resolve();

    public static string Resolve()
    {
        string? configured = Environment.GetEnvironmentVariable(EnvironmentVariable);
        return string.IsNullOrWhiteSpace(configured) ? DefaultPath : configured!;
    }

    public bool Exists => File.Exists(Path);

    public byte[] GetKey(bool createIfMissing)
    {
        if (_key is not null) return _key;
        if (!File.Exists(Path))
        {
            throw new MessagingProviderException(ErrorIds.MachineKeyMissing, ErrorKind.NotFound,
                $"The machine key '{Path}' does not exist. As root, run once: Set-IdentityStore -Name <store> -ProtectionScope LocalMachine -KeyGroup <group of the job accounts> (Get-Help Set-IdentityStore -Full shows how to make it by hand).",
                Path);
        }

        RequireRootOwned();
        try
        {
            _key = KeyFileContent.Read(Path);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new MessagingProviderException(ErrorIds.MachineKeyAccessDenied, ErrorKind.PermissionDenied,
                $"This account (user id {UnixFileOwner.EffectiveUserId}) may not read the machine key '{Path}': only root and members of its group (id {UnixFileOwner.GroupOf(Path)}) may. Add the account to that group, or protect the store with certificates instead.",
                Path, e);
        }

        return _key;
    }

    /// <summary>Makes the key, readable by <paramref name="group"/>; only root may.</summary>
    public void Create(string group)
    {
        if (File.Exists(Path))
        {
            RequireGroup(group);
            return;
        }

        if (UnixFileOwner.EffectiveUserId != 0)
        {
            throw new MessagingProviderException(ErrorIds.MachineKeyMissing, ErrorKind.PermissionDenied,
                $"The machine key '{Path}' does not exist and only root can create it. Run this command once as root (sudo), then again as this account.",
                Path);
        }

        uint groupId = UnixGroups.IdOf(group) ?? throw new MessagingProviderException(ErrorIds.ProtectionGroupNotFound, ErrorKind.InvalidArgument,
            $"There is no group '{group}' on this machine. Create it (groupadd) and add the accounts that run the jobs, or name an existing group.", group);
        string? folder = System.IO.Path.GetDirectoryName(Path);
        if (!string.IsNullOrEmpty(folder) && !Directory.Exists(folder))
        {
            Directory.CreateDirectory(folder!);
            File.SetUnixFileMode(folder!, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute |
                                          UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute);
        }

        KeyFileContent.CreateNew(Path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead,
            temporary => UnixGroups.GiveToRootAndGroup(temporary, groupId));
    }

    /// <summary>An existing key is not given to another group here: that is root's decision, made with chgrp.</summary>
    private void RequireGroup(string group)
    {
        uint? wanted = UnixGroups.IdOf(group) ?? throw new MessagingProviderException(ErrorIds.ProtectionGroupNotFound, ErrorKind.InvalidArgument,
            $"There is no group '{group}' on this machine. Create it (groupadd) and add the accounts that run the jobs, or name an existing group.", group);
        uint? actual = UnixFileOwner.GroupOf(Path);
        if (actual is not null && actual != wanted)
        {
            throw new MessagingProviderException(ErrorIds.ProtectionKeyGroupInvalid, ErrorKind.InvalidArgument,
                $"The machine key '{Path}' exists and is readable by group id {actual}, not by '{group}' (id {wanted}). Leave out -KeyGroup to use it as it is, or, as root, give it to the group: chgrp {group} '{Path}'.", group);
        }
    }

    private void RequireRootOwned()
    {
        UnixFileMode mode = File.GetUnixFileMode(Path);
        const UnixFileMode forbidden = UnixFileMode.GroupWrite | UnixFileMode.GroupExecute |
                                       UnixFileMode.OtherRead | UnixFileMode.OtherWrite | UnixFileMode.OtherExecute;
        uint? owner = UnixFileOwner.OwnerOf(Path);
        if ((mode & forbidden) != 0 || (owner is not null && owner.Value != 0))
        {
            throw new MessagingProviderException(ErrorIds.MachineKeyInsecure, ErrorKind.SecurityError,
                $"The machine key '{Path}' must belong to root and be readable only by root and one group (mode 640); it has mode {Convert.ToString((int)mode, 8)} and owner id {owner}. Whoever else could read or replace it may know the secrets it protects: fix it ('chown root:<group>; chmod 640') only if nobody else could have, otherwise remove it and set the secrets again.",
                Path);
        }
    }
}
#endif

#if NET
using System;
using System.Runtime.InteropServices;

namespace MessagingProvider.Security;

/// <summary>
/// The owner of a file and the effective user of this process on Linux and macOS. .NET has no
/// public API for either; the runtime's own native shim (libSystem.Native, always loaded) has both,
/// and the start of its FileStatus record (flags, mode, uid, gid as 32-bit values) has not changed
/// since .NET Core 1.0, unlike the platform's struct stat, which differs by OS and architecture.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class UnixFileOwner
{
    private const int FileStatusSize = 256; // larger than the runtime's FileStatus on every version
    private const int UidOffset = 8;
    private const int GidOffset = 12;

    public static uint EffectiveUserId => GetEUid();

    /// <summary>The owner's user id, or null when the file cannot be examined.</summary>
    public static uint? OwnerOf(string path)
    {
        var status = new byte[FileStatusSize];
        return Stat(path, status) == 0 ? BitConverter.ToUInt32(status, UidOffset) : null;
    }

    /// <summary>The owning group's id, or null when the file cannot be examined.</summary>
    public static uint? GroupOf(string path)
    {
        var status = new byte[FileStatusSize];
        return Stat(path, status) == 0 ? BitConverter.ToUInt32(status, GidOffset) : null;
    }

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_Stat", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int Stat(string path, [Out] byte[] status);

    [DllImport("libSystem.Native", EntryPoint = "SystemNative_GetEUid")]
    private static extern uint GetEUid();
}
#endif

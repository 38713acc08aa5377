#if NET
using System;
using System.Runtime.InteropServices;

namespace MessagingProvider.Security;

/// <summary>Group lookup and file ownership through the C library, which .NET does not expose.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class UnixGroups
{
    /// <summary>The id of group <paramref name="name"/>, or null when there is no such group.</summary>
    public static uint? IdOf(string name)
    {
        IntPtr entry = GetGroupByName(name);
        if (entry == IntPtr.Zero) return null;
        // struct group { char *gr_name; char *gr_passwd; gid_t gr_gid; char **gr_mem; } on Linux and macOS.
        return unchecked((uint)Marshal.ReadInt32(entry, 2 * IntPtr.Size));
    }

    /// <summary>Gives <paramref name="path"/> to root and group <paramref name="groupId"/>.</summary>
    public static void GiveToRootAndGroup(string path, uint groupId)
    {
        if (ChangeOwner(path, 0, groupId) != 0)
        {
            throw new System.IO.IOException($"chown of '{path}' failed (errno {Marshal.GetLastWin32Error()}).");
        }
    }

    [DllImport("libc", EntryPoint = "getgrnam", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern IntPtr GetGroupByName(string name);

    [DllImport("libc", EntryPoint = "chown", CharSet = CharSet.Ansi, SetLastError = true)]
    private static extern int ChangeOwner(string path, uint owner, uint group);
}
#endif

#if NET
using System;
using System.IO;
using System.Security.Cryptography;
using MessagingProvider.Errors;

namespace MessagingProvider.Security;

/// <summary>Creating and reading the 32 random bytes of a key file.</summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
internal static class KeyFileContent
{
    public const int KeySize = 32;

    /// <summary>
    /// Writes the key to a temporary file (with <paramref name="mode"/> from the start) and moves it
    /// into place without overwriting: a process killed at any moment leaves either no key or a
    /// whole one, and of two racing processes the first key wins. <paramref name="beforeMove"/> runs
    /// on the temporary file (to give it a group) before anyone can see it.
    /// </summary>
    public static void CreateNew(string path, UnixFileMode mode, Action<string>? beforeMove = null)
    {
        byte[] fresh = RandomNumberGenerator.GetBytes(KeySize);
        string temporary = path + "." + Guid.NewGuid().ToString("N") + ".tmp";
        try
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite };
            using (var stream = new FileStream(temporary, options))
            {
                stream.Write(fresh, 0, fresh.Length);
                stream.Flush(true);
            }

            beforeMove?.Invoke(temporary);
            File.SetUnixFileMode(temporary, mode);
            File.Move(temporary, path, overwrite: false);
        }
        catch (IOException) when (File.Exists(path))
        {
            // Another process created the key first: use theirs.
        }
        finally
        {
            Array.Clear(fresh, 0, fresh.Length);
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    public static byte[] Read(string path)
    {
        // A key still being written by a racing process is shorter than KeySize for a moment.
        for (int attempt = 0; ; attempt++)
        {
            byte[] key = File.ReadAllBytes(path);
            if (key.Length == KeySize) return key;
            if (attempt >= 50)
            {
                throw new MessagingProviderException(ErrorIds.SecretProtectionFailed, ErrorKind.InvalidData,
                    $"The key file '{path}' is damaged ({key.Length} bytes, expected {KeySize}). Remove it and set every stored secret again.", path);
            }

            System.Threading.Thread.Sleep(10);
        }
    }
}
#endif

using System;
using System.IO;
using System.Runtime.InteropServices;

namespace MessagingProvider.Configuration;

/// <summary>Replaces a file in one step: write a temporary file beside it, flush it to disk, then rename over.</summary>
internal static class AtomicFile
{
    /// <param name="groupReadable">Readable by the file's group too (0640): stores whose secrets other accounts may read.</param>
    public static void Write(string path, byte[] content, bool groupReadable = false)
    {
        string temporary = $"{path}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (FileStream stream = Create(temporary, groupReadable))
            {
                stream.Write(content, 0, content.Length);
                stream.Flush(true);
            }

#if NET
            // The create mode is narrowed by the umask; a shared store must really be group-readable.
            if (groupReadable && !RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
            {
                File.SetUnixFileMode(temporary, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.GroupRead);
            }
#endif
            Replace(temporary, path);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    private static FileStream Create(string path, bool groupReadable)
    {
#if NET
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!RuntimeInformation.IsOSPlatform(OSPlatform.Windows))
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | (groupReadable ? UnixFileMode.GroupRead : 0);
        }

        return new FileStream(path, options);
#else
        return new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
#endif
    }

    private static void Replace(string source, string destination)
    {
#if NET
        File.Move(source, destination, overwrite: true);
#else
        if (File.Exists(destination))
        {
            File.Replace(source, destination, null);
        }
        else
        {
            File.Move(source, destination);
        }
#endif
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using System;
using System.IO;
using System.Security;
using MessagingProvider.Errors;

namespace MessagingProvider.Configuration.Portable;

/// <summary>Reads an export file from disk (<see cref="StoreImporter"/> does the rest).</summary>
public static class StoreFileReader
{
    public static IdentityStoreDocument Read(string path, SecureString? password)
    {
        byte[] content;
        try
        {
            content = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new MessagingProviderException(ErrorIds.StoreExportInvalid, e is FileNotFoundException || e is DirectoryNotFoundException ? ErrorKind.NotFound : ErrorKind.PermissionDenied,
                $"The export file '{path}' cannot be read: {e.Message}", path, e);
        }

        return StoreImporter.Read(content, path, password);
    }
}

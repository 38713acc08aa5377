using System;
using System.IO;
using System.Management.Automation;

namespace MessagingProvider.Commands.Infrastructure;

/// <summary>Removes a mailbox sign-in cache that no longer belongs to the stored settings.</summary>
internal static class TokenCacheFile
{
    public static void Delete(Cmdlet cmdlet, string path)
    {
        if (!File.Exists(path)) return;
        try
        {
            File.Delete(path);
            cmdlet.WriteVerbose($"Removed the mailbox sign-in cache '{path}'.");
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            cmdlet.WriteWarning($"The old mailbox sign-in cache '{path}' could not be removed ({e.Message}). Delete it by hand.");
        }
    }
}

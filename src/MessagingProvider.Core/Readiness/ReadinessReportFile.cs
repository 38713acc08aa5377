using System;
using System.IO;
using System.Text;
using MessagingProvider.Errors;

namespace MessagingProvider.Readiness;

/// <summary>Writes the HTML report; a failure becomes an error that names the path.</summary>
public static class ReadinessReportFile
{
    public static void Write(string path, string html)
    {
        try
        {
            File.WriteAllText(path, html, new UTF8Encoding(false));
        }
        catch (Exception e) when (e is IOException || e is UnauthorizedAccessException)
        {
            throw new MessagingProviderException(ErrorIds.ReadinessReportUnwritable, ErrorKind.PermissionDenied,
                $"The readiness report could not be written to '{path}': {e.Message} Give a -Path in a folder you can write to.", path, e);
        }
    }
}

using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Configuration;

/// <summary>Identity-store names double as file names, so they are restricted to safe characters.</summary>
public static class IdentityStoreName
{
    private static readonly Regex Allowed = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,62}[A-Za-z0-9_-])?$", RegexOptions.CultureInvariant);

    // Windows refuses these as file names, with or without an extension, in any folder.
    private static readonly Regex WindowsDeviceName = new Regex(@"^(?:CON|PRN|AUX|NUL|COM[0-9¹²³]|LPT[0-9¹²³])(?:\..*)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase);

    public static void Validate(string name)
    {
        if (name is null || !Allowed.IsMatch(name))
        {
            throw new MessagingProviderException(ErrorIds.InvalidIdentityStoreName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid identity store name. Use 1 to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.", name);
        }

        // Refused on every OS, so a store made on Linux can be copied to a Windows job server.
        if (WindowsDeviceName.IsMatch(name.TrimEnd()) || WindowsDeviceName.IsMatch(name.Split('.')[0].TrimEnd()))
        {
            throw new MessagingProviderException(ErrorIds.InvalidIdentityStoreName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid identity store name: '{name.Split('.')[0].TrimEnd()}' is a Windows device name (CON, PRN, AUX, NUL, COM1-9, LPT1-9), which Windows cannot store as a file.", name);
        }
    }

    /// <summary>Names are case-insensitive on every platform, so files are keyed by the lower-case name.</summary>
    public static string FileKey(string name) => name.ToLowerInvariant();
}

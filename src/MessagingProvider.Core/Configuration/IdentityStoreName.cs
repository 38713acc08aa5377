using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Configuration;

/// <summary>Identity-store names double as file names, so they are restricted to safe characters.</summary>
public static class IdentityStoreName
{
    private static readonly Regex Allowed = new Regex(@"^[A-Za-z0-9](?:[A-Za-z0-9 ._-]{0,62}[A-Za-z0-9_-])?$", RegexOptions.CultureInvariant);

    public static void Validate(string name)
    {
        if (name is null || !Allowed.IsMatch(name))
        {
            throw new MessagingProviderException(ErrorIds.InvalidIdentityStoreName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid identity store name. Use 1 to 64 letters, digits, spaces, '.', '_' or '-', starting with a letter or digit.", name);
        }
    }

    /// <summary>Names are case-insensitive on every platform, so files are keyed by the lower-case name.</summary>
    public static string FileKey(string name) => name.ToLowerInvariant();
}

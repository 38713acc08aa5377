using System;
using System.Globalization;
using System.Text.RegularExpressions;
using MessagingProvider.Errors;

namespace MessagingProvider.Providers;

/// <summary>DNS names as administrators type them (internationalised names are accepted and kept as typed).</summary>
public static class DomainName
{
    private static readonly Regex Label = new Regex(@"^(?!-)[A-Za-z0-9-]{1,63}(?<!-)$", RegexOptions.CultureInvariant);
    private static readonly IdnMapping Idn = new IdnMapping();

    public static bool IsValid(string? name, bool requireDot)
    {
        if (string.IsNullOrWhiteSpace(name)) return false;
        string ascii;
        try
        {
            ascii = Idn.GetAscii(name!.TrimEnd('.'));
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (ascii.Length > 253) return false;
        string[] labels = ascii.Split('.');
        if (requireDot && labels.Length < 2) return false;
        foreach (string label in labels)
        {
            if (!Label.IsMatch(label)) return false;
        }

        return true;
    }

    /// <summary>Validates and returns the name without a trailing dot.</summary>
    public static string Require(string? name, string parameter, bool requireDot = true)
    {
        if (!IsValid(name, requireDot))
        {
            throw new MessagingProviderException(ErrorIds.InvalidDomainName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid domain name for -{parameter}. Give a DNS name such as contoso.com.", name);
        }

        return name!.Trim().TrimEnd('.');
    }

    /// <summary>A server name: a DNS host name or an IP address.</summary>
    public static string RequireServer(string? name)
    {
        string trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0 || Uri.CheckHostName(trimmed) == UriHostNameType.Unknown || Uri.CheckHostName(trimmed) == UriHostNameType.Basic)
        {
            throw new MessagingProviderException(ErrorIds.InvalidServerName, ErrorKind.InvalidArgument,
                $"'{name}' is not a valid server name. Give a host name (exch01.contoso.com) or an IP address.", name);
        }

        return trimmed;
    }
}

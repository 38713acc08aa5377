using System;
using System.Net;
using System.Text.RegularExpressions;

namespace MessagingProvider.Notifications.Templates;

/// <summary>
/// Drops link targets other than http, https and mailto (javascript:, data:, vbscript:…) from
/// rendered HTML: an attribute value from object data cannot become script. Fragment links (#top) stay.
/// </summary>
public static class SafeLinks
{
    private static readonly Regex UrlAttribute = new Regex(
        @"\s(?<name>href|src|action|formaction|background|poster|xlink:href)\s*=\s*(?:""(?<v>[^""]*)""|'(?<v>[^']*)'|(?<v>[^\s>]+))",
        RegexOptions.IgnoreCase | RegexOptions.Compiled | RegexOptions.CultureInvariant);

    public static string Apply(string html) => UrlAttribute.Replace(html, m => IsSafe(m.Groups["v"].Value) ? m.Value : "");

    public static bool IsSafe(string encodedValue)
    {
        // Browsers decode entities and ignore control characters and spaces in the scheme ("java&#9;script:").
        string value = WebUtility.HtmlDecode(encodedValue);
        var scheme = new System.Text.StringBuilder();
        foreach (char c in value)
        {
            if (c == ':') return IsAllowed(scheme.ToString());
            if (c == '/' || c == '?' || c == '#') return true; // relative or fragment: no scheme
            if (!char.IsWhiteSpace(c) && !char.IsControl(c)) scheme.Append(c);
        }

        return true;
    }

    private static bool IsAllowed(string scheme) =>
        scheme.Equals("http", StringComparison.OrdinalIgnoreCase) || scheme.Equals("https", StringComparison.OrdinalIgnoreCase) || scheme.Equals("mailto", StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Text.RegularExpressions;
using MessagingProvider.Configuration;

namespace MessagingProvider.Exchange.Status;

/// <summary>
/// Get-ExchangeServer's AdminDisplayVersion ("Version 15.2 (Build 1544.4)") to the product
/// version: 15.0 is 2013, 15.1 is 2016, 15.2 is 2019 until build 2562, from which it is
/// Subscription Edition (SE RTM is 15.2.2562.17).
/// </summary>
public static class ExchangeVersionMap
{
    public const int SubscriptionEditionFirstBuild = 2562;

    private static readonly Regex Display = new Regex(@"Version\s+(?<major>\d+)\.(?<minor>\d+)\s*\(Build\s+(?<build>\d+)(\.\d+)?\)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant);
    private static readonly Regex Dotted = new Regex(@"^\s*(?<major>\d+)\.(?<minor>\d+)\.(?<build>\d+)(\.\d+)?\s*$", RegexOptions.CultureInvariant);

    public static ExchangeVersion? FromAdminDisplayVersion(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        Match m = Display.Match(text);
        if (!m.Success) m = Dotted.Match(text);
        if (!m.Success) return null;
        int major = int.Parse(m.Groups["major"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int minor = int.Parse(m.Groups["minor"].Value, System.Globalization.CultureInfo.InvariantCulture);
        int build = int.Parse(m.Groups["build"].Value, System.Globalization.CultureInfo.InvariantCulture);
        if (major != 15) return null;
        return minor switch
        {
            0 => ExchangeVersion.Exchange2013,
            1 => ExchangeVersion.Exchange2016,
            2 when build >= SubscriptionEditionFirstBuild => ExchangeVersion.SE,
            2 => ExchangeVersion.Exchange2019,
            _ => null,
        };
    }
}

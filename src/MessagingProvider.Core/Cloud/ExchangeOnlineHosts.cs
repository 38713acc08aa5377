using System;
using System.Linq;
using MessagingProvider.Configuration;

namespace MessagingProvider.Cloud;

/// <summary>
/// Recognises the host names of Exchange Online in every Microsoft cloud: its SMTP submission hosts
/// and its EWS/Outlook hosts, as published in <see cref="CloudTable"/>.
/// </summary>
public static class ExchangeOnlineHosts
{
    private static readonly CloudEnvironment[] Clouds = (CloudEnvironment[])Enum.GetValues(typeof(CloudEnvironment));

    /// <summary>The cloud whose SMTP submission host <paramref name="host"/> is, or null.</summary>
    public static CloudEnvironment? SmtpCloudOf(string? host)
    {
        string? h = Normalize(host);
        if (h is null) return null;
        foreach (CloudEnvironment cloud in Clouds)
        {
            if (string.Equals(CloudTable.For(cloud).SmtpHost, h, StringComparison.OrdinalIgnoreCase)) return cloud;
        }

        return null;
    }

    /// <summary>The cloud whose Exchange Online (EWS) host <paramref name="hostOrUrl"/> names, or null; outlook.office.com counts as Global.</summary>
    public static CloudEnvironment? EwsCloudOf(string? hostOrUrl)
    {
        string? h = Normalize(hostOrUrl);
        if (h is null) return null;
        if (string.Equals(h, "outlook.office.com", StringComparison.OrdinalIgnoreCase)) return CloudEnvironment.Global;
        foreach (CloudEnvironment cloud in Clouds)
        {
            if (string.Equals(CloudTable.For(cloud).ExchangeOnlineEndpoint.Host, h, StringComparison.OrdinalIgnoreCase)) return cloud;
        }

        return null;
    }

    /// <summary>
    /// SMTP hosts of the table that no Microsoft page served here confirms (see docs/cloud-providers.md):
    /// USGovDoD uses outlook-dod.office365.us for SMTP as published client configurations do.
    /// </summary>
    public static bool IsUnconfirmedSmtpHost(string? host) =>
        string.Equals(Normalize(host), CloudTable.For(CloudEnvironment.USGovDoD).SmtpHost, StringComparison.OrdinalIgnoreCase);

    /// <summary>The host part of a host name or URL, without a trailing dot; null when empty.</summary>
    public static string? Normalize(string? hostOrUrl)
    {
        if (string.IsNullOrWhiteSpace(hostOrUrl)) return null;
        string s = hostOrUrl!.Trim();
        if (s.IndexOf("://", StringComparison.Ordinal) >= 0 && Uri.TryCreate(s, UriKind.Absolute, out Uri? uri)) s = uri.Host;
        else s = s.Split('/', ':').First();
        return s.TrimEnd('.');
    }
}

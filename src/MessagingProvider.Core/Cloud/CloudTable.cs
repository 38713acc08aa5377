using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Cloud;

/// <summary>
/// The published endpoints of each Microsoft cloud (the values Connect-ExchangeOnline and the
/// Graph SDK use for the same environment names).
/// </summary>
public static class CloudTable
{
    public static CloudEndpoints For(CloudEnvironment cloud) => cloud switch
    {
        CloudEnvironment.Global => Make("login.microsoftonline.com", "graph.microsoft.com", "outlook.office365.com", "smtp.office365.com"),
        CloudEnvironment.USGovGCCHigh => Make("login.microsoftonline.us", "graph.microsoft.us", "outlook.office365.us", "smtp.office365.us"),
        CloudEnvironment.USGovDoD => Make("login.microsoftonline.us", "dod-graph.microsoft.us", "outlook-dod.office365.us", "outlook-dod.office365.us"),
        CloudEnvironment.China => Make("login.chinacloudapi.cn", "microsoftgraph.chinacloudapi.cn", "partner.outlook.cn", "smtp.partner.outlook.cn"),
        _ => throw new ArgumentOutOfRangeException(nameof(cloud), cloud, "Unknown cloud."),
    };

    /// <summary>The cloud's endpoints with the overrides stored for an identity store applied.</summary>
    public static CloudEndpoints Resolve(Office365Settings settings)
    {
        CloudEndpoints cloud = For(settings.Cloud);
        Office365EndpointOverrides? o = settings.Endpoints;
        if (o is null) return cloud;
        return new CloudEndpoints(
            o.AuthorityHost ?? cloud.AuthorityHost,
            o.GraphEndpoint ?? cloud.GraphEndpoint,
            o.ExchangeOnlineEndpoint ?? cloud.ExchangeOnlineEndpoint,
            cloud.SmtpHost);
    }

    private static CloudEndpoints Make(string login, string graph, string exchange, string smtp) =>
        new CloudEndpoints(new Uri("https://" + login + "/"), new Uri("https://" + graph + "/"), new Uri("https://" + exchange + "/"), smtp);
}

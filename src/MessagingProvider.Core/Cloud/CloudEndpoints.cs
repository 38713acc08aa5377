using System;

namespace MessagingProvider.Cloud;

/// <summary>Where one Microsoft cloud signs in and serves Microsoft Graph, Exchange Online and SMTP.</summary>
public sealed class CloudEndpoints
{
    public CloudEndpoints(Uri authorityHost, Uri graphEndpoint, Uri exchangeOnlineEndpoint, string smtpHost)
    {
        AuthorityHost = authorityHost;
        GraphEndpoint = graphEndpoint;
        ExchangeOnlineEndpoint = exchangeOnlineEndpoint;
        SmtpHost = smtpHost;
    }

    /// <summary>The Entra ID sign-in host; the tenant's authority is <c>{AuthorityHost}/{tenant}</c>.</summary>
    public Uri AuthorityHost { get; }

    public Uri GraphEndpoint { get; }

    /// <summary>The Exchange Online host of the REST admin API, also the token audience.</summary>
    public Uri ExchangeOnlineEndpoint { get; }

    public string SmtpHost { get; }

    public Uri Authority(string tenant) => new Uri(AuthorityHost, Uri.EscapeDataString(tenant) + "/");

    /// <summary>The app-only scope of a resource: <c>{resource}/.default</c>.</summary>
    public static string DefaultScope(Uri resource) => resource.GetLeftPart(UriPartial.Authority) + "/.default";
}

using System;

namespace MessagingProvider.Configuration;

/// <summary>
/// Endpoints that replace the cloud's published ones (a sovereign or test deployment). A null
/// member means "the cloud's own endpoint".
/// </summary>
public sealed class Office365EndpointOverrides
{
    public Uri? AuthorityHost { get; set; }

    public Uri? GraphEndpoint { get; set; }

    public Uri? ExchangeOnlineEndpoint { get; set; }

    public bool IsEmpty => AuthorityHost is null && GraphEndpoint is null && ExchangeOnlineEndpoint is null;
}

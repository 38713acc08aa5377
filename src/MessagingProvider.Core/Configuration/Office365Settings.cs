using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum CloudEnvironment
{
    Global,
    USGovGCCHigh,
    USGovDoD,
    China,
}

public sealed class Office365Settings
{
    public CloudEnvironment Cloud { get; set; } = CloudEnvironment.Global;

    public string? Domain { get; set; }

    /// <summary>The tenant, e.g. contoso.onmicrosoft.com.</summary>
    public string? Organization { get; set; }

    public string? ApplicationId { get; set; }

    public ProtectedSecret? ClientSecret { get; set; }

    public StoredCertificate? Certificate { get; set; }

    /// <summary>Replacements for the cloud's endpoints; null when the cloud's own are used.</summary>
    public Office365EndpointOverrides? Endpoints { get; set; }
}

using System;

namespace MessagingProvider.GoogleWorkspace.Keyless;

/// <summary>
/// Where the GCE/GKE metadata server answers: GCE_METADATA_HOST (host[:port], as Google's own
/// libraries read it, e.g. for an emulator) or metadata.google.internal.
/// </summary>
public static class GoogleMetadataServer
{
    public const string HostVariable = "GCE_METADATA_HOST";

    public const string DefaultHost = "metadata.google.internal";

    public static Uri BaseUri(Func<string, string?>? environment = null)
    {
        string? host = (environment ?? Environment.GetEnvironmentVariable)(HostVariable);
        return new Uri("http://" + (string.IsNullOrWhiteSpace(host) ? DefaultHost : host!.Trim()) + "/");
    }

    public static Uri DefaultTokenUri(Uri baseUri) => new Uri(baseUri, "computeMetadata/v1/instance/service-accounts/default/token");
}

namespace MessagingProvider.Configuration;

/// <summary>An external provider: addresses are computed locally, never created remotely.</summary>
public sealed class OtherProviderSettings
{
    public string? Domain { get; set; }

    public int? MaximumAliasLength { get; set; }

    /// <summary>A .NET regular expression the whole alias must match.</summary>
    public string? AliasPattern { get; set; }
}

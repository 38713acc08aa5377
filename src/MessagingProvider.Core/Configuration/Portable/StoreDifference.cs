namespace MessagingProvider.Configuration.Portable;

public enum StoreDifferenceKind
{
    /// <summary>Set in both, to different values.</summary>
    Changed,

    /// <summary>Set in the file only: importing it would add the setting.</summary>
    OnlyInFile,

    /// <summary>Set in the stored store only: importing the file would remove the setting.</summary>
    OnlyInStore,
}

/// <summary>One setting that differs between an export file and a stored identity store. Secrets show masked.</summary>
public sealed class StoreDifference
{
    public string IdentityStore { get; set; } = "";

    /// <summary>The setting's path, e.g. "smtp.port" or "messaging.exchange.servers[0].priority".</summary>
    public string Setting { get; set; } = "";

    public StoreDifferenceKind Difference { get; set; }

    public string? FileValue { get; set; }

    public string? StoredValue { get; set; }
}

using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

/// <summary>What Remove- or Disable-MailEnabled* did to one object.</summary>
public sealed class MailEnabledObjectRemoval
{
    public string IdentityStore { get; set; } = "";
    public string Identity { get; set; } = "";
    public string Kind { get; set; } = "";

    /// <summary>Removed (the object is gone) or Disabled (the directory object stays, without mail attributes).</summary>
    public string Action { get; set; } = "";

    public string? RecipientTypeDetails { get; set; }
    public MessagingProviderType Provider { get; set; }

    /// <summary>The provider's command that did it (Remove-DistributionGroup, groups.delete…).</summary>
    public string Command { get; set; } = "";

    /// <summary>The Exchange server (or the cloud host) that did it.</summary>
    public string? Server { get; set; }

    /// <summary>The server dropped after it was sent the command; the next server found it done, so it was not sent again.</summary>
    public bool CompletedBeforeFailover { get; set; }
}

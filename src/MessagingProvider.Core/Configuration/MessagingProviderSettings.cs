namespace MessagingProvider.Configuration;

public enum MessagingProviderType
{
    None,
    Exchange,
    Office365,
    GoogleWorkspace,
    Other,
}

/// <summary>The messaging provider of an identity store; only the chosen provider's section is set.</summary>
public sealed class MessagingProviderSettings
{
    public MessagingProviderType Provider { get; set; } = MessagingProviderType.None;

    public ExchangeSettings? Exchange { get; set; }

    public Office365Settings? Office365 { get; set; }

    public GoogleWorkspaceSettings? GoogleWorkspace { get; set; }

    public OtherProviderSettings? Other { get; set; }
}

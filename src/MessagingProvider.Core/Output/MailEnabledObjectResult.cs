using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

/// <summary>A mail-enabled object: its primary SMTP address, and what did it.</summary>
public sealed class MailEnabledObjectResult
{
    public string IdentityStore { get; set; } = "";
    public string Identity { get; set; } = "";
    public string Kind { get; set; } = "";
    public string Alias { get; set; } = "";
    public string PrimarySmtpAddress { get; set; } = "";
    public string? RecipientTypeDetails { get; set; }
    public MessagingProviderType Provider { get; set; }

    /// <summary>The Exchange cmdlet that was run (empty when the provider computes the address locally).</summary>
    public string? Command { get; set; }

    /// <summary>The Exchange server that did it (empty when nothing was sent anywhere).</summary>
    public string? Server { get; set; }
}

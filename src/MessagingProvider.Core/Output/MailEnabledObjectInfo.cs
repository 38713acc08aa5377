using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

/// <summary>A mail-enabled group, user or contact as its provider reports it (Get-MailEnabledGroup, -User, -Contact).</summary>
public sealed class MailEnabledObjectInfo
{
    public string IdentityStore { get; set; } = "";

    /// <summary>The provider's identity: Exchange's Identity, a Google group's or user's primary address.</summary>
    public string Identity { get; set; } = "";

    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? DisplayName { get; set; }
    public string? Alias { get; set; }
    public string PrimarySmtpAddress { get; set; } = "";

    /// <summary>Every address as the provider reports it (SMTP:, smtp:, X500:… on Exchange; SMTP:/smtp: for a Google address and its aliases).</summary>
    public string[] EmailAddresses { get; set; } = Array.Empty<string>();

    public string? RecipientTypeDetails { get; set; }

    /// <summary>Exchange's ManagedBy; a Google group's owners.</summary>
    public string[] ManagedBy { get; set; } = Array.Empty<string>();

    /// <summary>Null where the provider does not report it (Google).</summary>
    public bool? HiddenFromAddressListsEnabled { get; set; }

    public MessagingProviderType Provider { get; set; }

    /// <summary>The Exchange server (or the cloud host) that answered.</summary>
    public string? Server { get; set; }
}

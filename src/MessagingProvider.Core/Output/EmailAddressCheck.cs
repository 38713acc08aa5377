using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

/// <summary>Whether an address can be given to a new or changed recipient: its domain is accepted and nobody holds it.</summary>
public sealed class EmailAddressCheck
{
    public string IdentityStore { get; set; } = "";
    public string EmailAddress { get; set; } = "";
    public string Domain { get; set; } = "";
    public MessagingProviderType Provider { get; set; }

    /// <summary>Whether the domain is one of the organisation's accepted domains (Exchange), domains or domain aliases (Google), or the configured domain (Other).</summary>
    public bool DomainAccepted { get; set; }

    /// <summary>Whether a recipient, alias or proxy address already has it; null where the provider has no directory to ask (Other).</summary>
    public bool? InUse { get; set; }

    /// <summary>The recipient that has it (its name or primary address).</summary>
    public string? HeldBy { get; set; }

    public bool IsAvailable => DomainAccepted && InUse != true;

    public string[] Reasons { get; set; } = Array.Empty<string>();
}

using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

/// <summary>Whether an identity store's cloud provider can be reached and signed in to, and why not.</summary>
public sealed class ProviderConnectionInfo
{
    public string IdentityStore { get; set; } = "";
    public MessagingProviderType Provider { get; set; }
    public ServerStatus Status { get; set; }

    /// <summary>The service that was called (the Exchange Online or Directory API endpoint).</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>What was proved (Online) or what failed and what to do (Offline).</summary>
    public string? Reason { get; set; }

    /// <summary>The stable error id of the failure; null when Online.</summary>
    public string? ErrorId { get; set; }

    public DateTimeOffset Checked { get; set; }
}

using System;

namespace MessagingProvider.Output;

public sealed class EmailAliasTestResult
{
    public string IdentityStore { get; set; } = "";
    public string Alias { get; set; } = "";
    public bool IsValid { get; set; }
    /// <summary>The address the alias would get in the provider's domain (null when the alias is invalid or the provider has no domain).</summary>
    public string? Address { get; set; }
    public string[] Reasons { get; set; } = Array.Empty<string>();
}

using System;

namespace MessagingProvider.Output;

/// <summary>The EmailAddresses collection an object gets on export, and how it differs from the current one.</summary>
public sealed class EmailAddressUpdate
{
    /// <summary>The object whose addresses these are (empty for a pure computation).</summary>
    public string? Identity { get; set; }

    /// <summary>The final collection in Exchange's form: non-SMTP and excluded-domain addresses unchanged, then secondary smtp: addresses, then the primary SMTP: address last.</summary>
    public string[] EmailAddresses { get; set; } = Array.Empty<string>();

    public string PrimarySmtpAddress { get; set; } = "";

    /// <summary>Current addresses kept as they were (non-SMTP, or SMTP in an excluded domain).</summary>
    public string[] Kept { get; set; } = Array.Empty<string>();

    /// <summary>Managed SMTP addresses that are not in the new collection.</summary>
    public string[] Removed { get; set; } = Array.Empty<string>();

    /// <summary>Whether the collection differs from the current one (order included: Exchange stores what it is given).</summary>
    public bool Changed { get; set; }

    /// <summary>The Exchange server that applied it (empty when nothing was sent).</summary>
    public string? Server { get; set; }
}

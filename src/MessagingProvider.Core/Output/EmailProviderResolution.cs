using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.Output;

public enum EmailProvider
{
    Unknown,
    /// <summary>A mail server of the identity store, from its provider-domains lookup.</summary>
    MailServer,
    Office365,
    OutlookCom,
    GoogleWorkspace,
    Gmail,
    Yahoo,
    ICloud,
    Zoho,
    Fastmail,
    Proton,
}

/// <summary>Which rule decided the provider.</summary>
public enum EmailProviderRule
{
    ProviderDomainTable,
    MxRecord,
    NoKnownMxHost,
    DnsError,
}

public enum EmailDnsStatus
{
    NotQueried,
    Ok,
    NoMxRecords,
    /// <summary>RFC 7505 "null MX": the domain says it accepts no email.</summary>
    NullMx,
    NxDomain,
    Timeout,
    Failed,
}

public sealed class EmailProviderResolution
{
    public string EmailAddress { get; set; } = "";
    public string Domain { get; set; } = "";
    public EmailProvider Provider { get; set; }
    public EmailProviderRule DecidedBy { get; set; }
    /// <summary>The rule in words: the table row or the known-host pattern that matched.</summary>
    public string Rule { get; set; } = "";
    public string? MailServer { get; set; }
    public MailServiceType? ServiceType { get; set; }
    public string? MatchedHost { get; set; }
    public string[] MxHosts { get; set; } = Array.Empty<string>();
    public EmailDnsStatus DnsStatus { get; set; }
    public string? DnsServer { get; set; }
    public string? Message { get; set; }
}

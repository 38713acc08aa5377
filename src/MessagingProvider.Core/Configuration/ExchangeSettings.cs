using System;
using System.Collections.Generic;
using MessagingProvider.Security;

namespace MessagingProvider.Configuration;

public enum ExchangeVersion
{
    Exchange2013,
    Exchange2016,
    Exchange2019,
    /// <summary>Exchange Server Subscription Edition, which replaced 2016 and 2019 in October 2025.</summary>
    SE,
}

public enum ExchangeDeployment
{
    OnPremises,
    Hybrid,
}

public enum ExchangeAuthentication
{
    Default,
    Basic,
    Negotiate,
    Kerberos,
    CredSSP,
}

public enum ExchangeCreateMethod
{
    /// <summary>New-Mailbox / New-RemoteMailbox: creates the user and the mailbox.</summary>
    New,
    /// <summary>Enable-Mailbox / Enable-RemoteMailbox: mail-enables an existing user.</summary>
    Enable,
}

public enum ServerStatus
{
    Unknown,
    Online,
    Offline,
}

public sealed class ExchangeSettings
{
    public ExchangeVersion Version { get; set; } = ExchangeVersion.Exchange2019;

    public string? Domain { get; set; }

    public string? UserName { get; set; }

    public ProtectedSecret? Password { get; set; }

    public ExchangeDeployment Deployment { get; set; } = ExchangeDeployment.OnPremises;

    public ExchangeAuthentication Authentication { get; set; } = ExchangeAuthentication.Kerberos;

    public bool UseSsl { get; set; }

    public ExchangeCreateMethod CreateMethod { get; set; } = ExchangeCreateMethod.Enable;

    public List<string> ExcludedSmtpDomains { get; set; } = new List<string>();

    public ExchangeConnectionOptions Connection { get; set; } = new ExchangeConnectionOptions();

    /// <summary>Servers in priority order (1 first).</summary>
    public List<ExchangeServerEntry> Servers { get; set; } = new List<ExchangeServerEntry>();
}

public sealed class ExchangeServerEntry
{
    public string Name { get; set; } = "";

    public int Priority { get; set; }

    public ServerStatus Status { get; set; } = ServerStatus.Unknown;

    public DateTimeOffset? StatusChecked { get; set; }

    public string? StatusReason { get; set; }

    /// <summary>How long the PowerShell endpoint took to answer the last status probe.</summary>
    public int? LatencyMilliseconds { get; set; }

    /// <summary>Filled in by a server sync (Get-ExchangeServer's AdminDisplayVersion).</summary>
    public string? Version { get; set; }
}

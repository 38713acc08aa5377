using System;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Exchange.Remoting;

namespace MessagingProvider.Exchange;

/// <summary>
/// What the mail-enabled object commands need from an Exchange: on premises the identity store's
/// servers in priority order (<see cref="ExchangeCommandRunner"/>), or Exchange Online's REST
/// admin API (<see cref="ExchangeOnline.ExchangeOnlineRecipientRunner"/>).
/// </summary>
public interface IRecipientCommandRunner : IDisposable
{
    /// <summary>Where the commands go, for -WhatIf and -Verbose: "Exchange (ExchA, ExchB)", "Exchange Online (https://outlook.office365.com/)".</summary>
    string Location { get; }

    /// <summary>
    /// Runs <paramref name="command"/>; an error Exchange reports is thrown (ExchangeCommandFailed,
    /// its category from Exchange's error). <paramref name="failoverCheck"/> guards a change
    /// against running twice where the runner fails over between servers.
    /// </summary>
    Task<ExchangeRunResult> RunAsync(ExchangeCommand command, FailoverCheck? failoverCheck, object? target, CancellationToken cancellationToken);

    /// <summary>Lets every connection go without waiting (Ctrl+C).</summary>
    void Abandon();
}

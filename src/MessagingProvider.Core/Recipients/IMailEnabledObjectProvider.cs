using System;
using System.Collections.Generic;
using System.Threading;
using MessagingProvider.Output;

namespace MessagingProvider.Recipients;

/// <summary>
/// What a messaging provider does for the mail-enabled object cmdlets. Exchange runs remote
/// PowerShell; Other computes the address locally; Office 365 and Google Workspace plug in here.
/// Implementations keep their connections until disposed (the end of one cmdlet invocation).
/// </summary>
public interface IMailEnabledObjectProvider : IDisposable
{
    /// <summary>What -WhatIf shows for <paramref name="request"/> (e.g. "Enable-DistributionGroup on Exchange").</summary>
    string Describe(MailEnabledObjectRequest request);

    /// <param name="alias">Already generated or given, and validated by the store's alias rules.</param>
    MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken);

    /// <summary>Reads the object's current addresses, computes the export collection, and applies it when <paramref name="confirm"/> agrees.</summary>
    EmailAddressUpdate SetEmailAddresses(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken);

    /// <summary>Drops every connection without waiting for the servers (Ctrl+C); Dispose closes them politely.</summary>
    void Abandon();
}

using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Output;
using MessagingProvider.Recipients.Addresses;

namespace MessagingProvider.Recipients;

/// <summary>
/// What a messaging provider does for the mail-enabled object cmdlets. Exchange runs remote
/// PowerShell; Other computes the address locally; Office 365 and Google Workspace plug in here.
/// Implementations keep their connections until disposed (the end of one cmdlet invocation).
/// The methods continue on thread-pool threads: callbacks (confirm, verbose, warning) must accept that.
/// </summary>
public interface IMailEnabledObjectProvider : IDisposable
{
    /// <summary>What -WhatIf shows for <paramref name="request"/> (e.g. "Enable-DistributionGroup on Exchange").</summary>
    string Describe(MailEnabledObjectRequest request);

    /// <param name="alias">Already generated or given, and validated by the store's alias rules.</param>
    Task<MailEnabledObjectResult> ProvisionAsync(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken);

    /// <summary>Reads the object's current addresses, computes the export collection, and applies it when <paramref name="confirm"/> agrees.</summary>
    Task<EmailAddressUpdate> SetEmailAddressesAsync(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken);

    /// <summary>
    /// Adds and removes addresses without replacing the others (Exchange's @{Add=…; Remove=…}): one
    /// read, the new addresses checked (unless <paramref name="skipAddressCheck"/>), one write when
    /// <paramref name="confirm"/> agrees.
    /// </summary>
    Task<EmailAddressUpdate> EditEmailAddressesAsync(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken);

    /// <summary>The address checks of this provider, with their per-command cache.</summary>
    AddressChecker Addresses { get; }

    /// <summary>The objects of <paramref name="query"/>; one that names a single object and finds none is RecipientNotFound.</summary>
    Task<IReadOnlyList<MailEnabledObjectInfo>> FindAsync(MailEnabledObjectQuery query, CancellationToken cancellationToken);

    /// <summary>
    /// Removes the object (or with <paramref name="disable"/> takes its mail attributes away and
    /// keeps the directory object) when <paramref name="confirm"/> agrees with what is described.
    /// Returns null when it did not agree.
    /// </summary>
    Task<MailEnabledObjectRemoval?> RemoveAsync(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken);

    /// <summary>
    /// Applies <paramref name="settings"/> to the object when <paramref name="confirm"/> agrees with
    /// what is described, and returns the object as read after the change; null when it did not agree.
    /// A setting the provider cannot map is a NotSupported error before anything is sent.
    /// </summary>
    Task<MailEnabledObjectInfo?> ChangeAsync(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken);

    /// <summary>Drops every connection without waiting for the servers (Ctrl+C); Dispose closes them politely.</summary>
    void Abandon();
}

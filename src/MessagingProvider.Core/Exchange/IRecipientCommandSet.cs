using System.Collections.Generic;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>
/// The Exchange cmdlets for the mail-enabled object requests, where Exchange on premises and
/// Exchange Online differ; reading (Get-Recipient) and the EmailAddresses export are shared.
/// </summary>
public interface IRecipientCommandSet
{
    MessagingProviderType Provider { get; }

    /// <summary>SMTP domains whose addresses Set-RecipientEmailAddress leaves alone.</summary>
    IReadOnlyCollection<string> ExcludedSmtpDomains { get; }

    /// <summary>The cmdlet that does <paramref name="request"/>; a request this Exchange cannot do is a NotSupported error (before anything is sent).</summary>
    ExchangeCommand For(MailEnabledObjectRequest request, string alias);

    /// <summary>The Set- cmdlet that gives the recipient exactly <paramref name="emailAddresses"/>.</summary>
    ExchangeCommand SetEmailAddresses(string? recipientTypeDetails, string identity, string[] emailAddresses);

    /// <summary>The primary address a create of <paramref name="request"/> gives (what the address checks look at).</summary>
    string PlannedPrimary(MailEnabledObjectRequest request, string alias);

    /// <summary>The cmdlet that removes (or disables) a recipient of this type; one this Exchange cannot do is a NotSupported error.</summary>
    ExchangeCommand Remove(MailEnabledObjectKind kind, string? recipientTypeDetails, string identity, bool disable);

    /// <summary>What the user must know after <paramref name="request"/> was provisioned (a warning), or null.</summary>
    string? NoticeAfter(MailEnabledObjectRequest request);
}

using System;
using System.Collections.Generic;
using System.Threading;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Output;

namespace MessagingProvider.Recipients;

/// <summary>An external provider: nothing is created anywhere; the result is the validated address in the provider's domain.</summary>
public sealed class OtherMailEnabledObjectProvider : IMailEnabledObjectProvider
{
    private readonly IdentityStoreDocument _document;

    public OtherMailEnabledObjectProvider(IdentityStoreDocument document) => _document = document;

    public string Describe(MailEnabledObjectRequest request) => $"Compute the address in {_document.Messaging.Other?.Domain} (provider Other: nothing is sent anywhere)";

    public MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken) => new MailEnabledObjectResult
    {
        IdentityStore = _document.Name,
        Identity = request.Identity,
        Kind = request.Kind.ToString(),
        Alias = alias,
        PrimarySmtpAddress = alias + "@" + _document.Messaging.Other?.Domain,
        Provider = MessagingProviderType.Other,
    };

    public EmailAddressUpdate SetEmailAddresses(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken) =>
        throw new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
            $"The identity store '{_document.Name}' uses the provider Other, which holds no mailboxes: there are no email addresses to set. Use Merge-EmailAddress to compute a collection.",
            identity);

    public void Dispose()
    {
    }

    public void Abandon()
    {
    }
}

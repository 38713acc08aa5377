using System;
using System.Collections.Generic;
using System.Threading;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Output;
using MessagingProvider.Recipients.Addresses;

namespace MessagingProvider.Recipients;

/// <summary>An external provider: nothing is created anywhere; the result is the validated address in the provider's domain.</summary>
public sealed class OtherMailEnabledObjectProvider : IMailEnabledObjectProvider, IAddressDirectory
{
    private readonly IdentityStoreDocument _document;

    public OtherMailEnabledObjectProvider(IdentityStoreDocument document)
    {
        _document = document;
        Addresses = new AddressChecker(document.Name, MessagingProviderType.Other, this);
    }

    public AddressChecker Addresses { get; }

    public string Describe(MailEnabledObjectRequest request)
    {
        RefuseObjectSettings(request);
        return $"Compute the address in {_document.Messaging.Other?.Domain} (provider Other: nothing is sent anywhere)";
    }

    /// <summary>Other creates nothing, so a setting of the object would be silently lost: it is refused instead.</summary>
    private void RefuseObjectSettings(MailEnabledObjectRequest request)
    {
        var given = new List<string>();
        if (request.GroupType is not null) given.Add("-Type");
        if (request.ManagedBy is not null) given.Add("-ManagedBy");
        if (request.HiddenFromAddressListsEnabled) given.Add("-HiddenFromAddressListsEnabled");
        if (given.Count == 0) return;
        throw new MessagingProviderException(ErrorIds.SettingNotSupported, ErrorKind.NotSupported,
            $"{string.Join(", ", given)} cannot be used for '{request.Identity}': the identity store '{_document.Name}' uses the provider Other, which only computes the address and creates nothing to give them to. Leave them out, and set them at the provider itself.",
            request.Identity);
    }

    public MailEnabledObjectResult Provision(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        RefuseObjectSettings(request);
        string address = AddressChecker.Planned(request.PrimarySmtpAddress, alias, _document.Messaging.Other?.Domain);
        if (!request.SkipAddressCheck) Addresses.Require(address, request.Identity, cancellationToken);
        return new MailEnabledObjectResult
        {
            IdentityStore = _document.Name,
            Identity = request.Identity,
            Kind = request.Kind.ToString(),
            Alias = alias,
            PrimarySmtpAddress = address,
            Provider = MessagingProviderType.Other,
        };
    }

    public EmailAddressUpdate SetEmailAddresses(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken) =>
        throw new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
            $"The identity store '{_document.Name}' uses the provider Other, which holds no mailboxes: there are no email addresses to set. Use Merge-EmailAddress to compute a collection.",
            identity);

    public EmailAddressUpdate EditEmailAddresses(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken) =>
        SetEmailAddresses(identity, add, primary, confirm, cancellationToken);

    public IReadOnlyList<MailEnabledObjectInfo> Find(MailEnabledObjectQuery query, CancellationToken cancellationToken) =>
        throw NoDirectory("read", query.Identity ?? query.EmailAddress ?? query.Name ?? _document.Name);

    public MailEnabledObjectRemoval? Remove(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken) =>
        throw NoDirectory(disable ? "disable" : "remove", identity);

    public MailEnabledObjectInfo? Change(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken) =>
        throw NoDirectory("change", identity);

    private MessagingProviderException NoDirectory(string verb, string target) =>
        new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
            $"The identity store '{_document.Name}' uses the provider Other, which holds no directory of mail-enabled objects: there is nothing to {verb}. Manage them at the provider itself.",
            target);

    public IReadOnlyList<string> ReadAcceptedDomains(CancellationToken cancellationToken)
    {
        string? domain = _document.Messaging.Other?.Domain;
        return domain is null ? Array.Empty<string>() : new[] { domain };
    }

    public bool CanFindHolders => false;

    public string? FindHolder(string address, CancellationToken cancellationToken) => null;

    public void Dispose()
    {
    }

    public void Abandon()
    {
    }
}

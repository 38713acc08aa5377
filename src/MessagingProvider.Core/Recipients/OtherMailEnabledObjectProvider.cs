using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
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

    public async Task<MailEnabledObjectResult> ProvisionAsync(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        RefuseObjectSettings(request);
        string address = AddressChecker.Planned(request.PrimarySmtpAddress, alias, _document.Messaging.Other?.Domain);
        if (!request.SkipAddressCheck) await Addresses.RequireAsync(address, request.Identity, cancellationToken).ConfigureAwait(false);
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

    public Task<EmailAddressUpdate> SetEmailAddressesAsync(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken) =>
        Task.FromException<EmailAddressUpdate>(new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
            $"The identity store '{_document.Name}' uses the provider Other, which holds no mailboxes: there are no email addresses to set. Use Merge-EmailAddress to compute a collection.",
            identity));

    public Task<EmailAddressUpdate> EditEmailAddressesAsync(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken) =>
        SetEmailAddressesAsync(identity, add, primary, confirm, cancellationToken);

    public Task<IReadOnlyList<MailEnabledObjectInfo>> FindAsync(MailEnabledObjectQuery query, CancellationToken cancellationToken) =>
        Task.FromException<IReadOnlyList<MailEnabledObjectInfo>>(NoDirectory("read", query.Identity ?? query.EmailAddress ?? query.Name ?? _document.Name));

    public Task<MailEnabledObjectRemoval?> RemoveAsync(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken) =>
        Task.FromException<MailEnabledObjectRemoval?>(NoDirectory(disable ? "disable" : "remove", identity));

    public Task<MailEnabledObjectInfo?> ChangeAsync(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken) =>
        Task.FromException<MailEnabledObjectInfo?>(NoDirectory("change", identity));

    private MessagingProviderException NoDirectory(string verb, string target) =>
        new MessagingProviderException(ErrorIds.ProviderNotSupported, ErrorKind.NotSupported,
            $"The identity store '{_document.Name}' uses the provider Other, which holds no directory of mail-enabled objects: there is nothing to {verb}. Manage them at the provider itself.",
            target);

    public Task<IReadOnlyList<string>> ReadAcceptedDomainsAsync(CancellationToken cancellationToken)
    {
        string? domain = _document.Messaging.Other?.Domain;
        return Task.FromResult<IReadOnlyList<string>>(domain is null ? Array.Empty<string>() : new[] { domain });
    }

    public bool CanFindHolders => false;

    public Task<string?> FindHolderAsync(string address, CancellationToken cancellationToken) => Task.FromResult<string?>(null);

    public void Dispose()
    {
    }

    public void Abandon()
    {
    }
}

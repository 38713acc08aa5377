using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Output;
using MessagingProvider.Providers;

namespace MessagingProvider.Recipients.Addresses;

/// <summary>
/// Checks addresses before they are used: the domain must be accepted (read once per command
/// and kept, so a pipeline of a thousand objects makes one accepted-domains call) and no
/// recipient, alias or proxy address may already hold the address (asked per address).
/// </summary>
public sealed class AddressChecker
{
    private readonly string _identityStore;
    private readonly MessagingProviderType _provider;
    private readonly IAddressDirectory _directory;
    private IReadOnlyList<string>? _acceptedDomains;

    public AddressChecker(string identityStore, MessagingProviderType provider, IAddressDirectory directory)
    {
        _identityStore = identityStore;
        _provider = provider;
        _directory = directory;
    }

    /// <summary>How many times the accepted domains were read (once per command).</summary>
    public int AcceptedDomainReads { get; private set; }

    public async Task<IReadOnlyList<string>> AcceptedDomainListAsync(CancellationToken cancellationToken)
    {
        if (_acceptedDomains is null)
        {
            _acceptedDomains = await _directory.ReadAcceptedDomainsAsync(cancellationToken).ConfigureAwait(false);
            AcceptedDomainReads++;
        }

        return _acceptedDomains;
    }

    public async Task<EmailAddressCheck> CheckAsync(string address, CancellationToken cancellationToken)
    {
        EmailAddressSyntax.Require(address, "EmailAddress");
        string bare = address.Trim();
        string domain = AcceptedDomains.DomainOf(bare);
        var reasons = new List<string>();
        IReadOnlyList<string> accepted = await AcceptedDomainListAsync(cancellationToken).ConfigureAwait(false);
        bool domainAccepted = AcceptedDomains.Accepts(accepted, domain);
        if (!domainAccepted) reasons.Add($"The domain {domain} is not an accepted domain of identity store '{_identityStore}' ({string.Join(", ", accepted)}).");

        bool? inUse = null;
        string? holder = null;
        if (_directory.CanFindHolders)
        {
            holder = await _directory.FindHolderAsync(bare, cancellationToken).ConfigureAwait(false);
            inUse = holder is not null;
            if (holder is not null) reasons.Add($"{bare} is already used by '{holder}'.");
        }
        else
        {
            reasons.Add($"The {_provider} provider has no directory to ask whether {bare} is in use.");
        }

        return new EmailAddressCheck
        {
            IdentityStore = _identityStore,
            EmailAddress = bare,
            Domain = domain,
            Provider = _provider,
            DomainAccepted = domainAccepted,
            InUse = inUse,
            HeldBy = holder,
            Reasons = reasons.ToArray(),
        };
    }

    /// <summary>Throws DomainNotAccepted or EmailAddressInUse when <paramref name="address"/> cannot be given to <paramref name="target"/>.</summary>
    public async Task RequireAsync(string address, string target, CancellationToken cancellationToken)
    {
        EmailAddressCheck check = await CheckAsync(address, cancellationToken).ConfigureAwait(false);
        if (!check.DomainAccepted)
        {
            throw new MessagingProviderException(ErrorIds.DomainNotAccepted, ErrorKind.InvalidArgument,
                $"{check.EmailAddress} cannot be given to '{target}': the domain {check.Domain} is not an accepted domain of identity store '{_identityStore}' (accepted: {string.Join(", ", await AcceptedDomainListAsync(cancellationToken).ConfigureAwait(false))}). Use an address in an accepted domain, or add the domain to the organisation first; -SkipAddressCheck skips this check.",
                target);
        }

        if (check.InUse == true)
        {
            throw new MessagingProviderException(ErrorIds.EmailAddressInUse, ErrorKind.AlreadyExists,
                $"{check.EmailAddress} cannot be given to '{target}': it is already used by '{check.HeldBy}' (identity store '{_identityStore}'). Choose another address or -Alias; -SkipAddressCheck skips this check.",
                target);
        }
    }

    /// <summary>The address a create gives: -PrimarySmtpAddress when given, else alias@domain.</summary>
    public static string Planned(string? primary, string alias, string? domain) =>
        !string.IsNullOrWhiteSpace(primary) ? primary!.Trim() : alias + "@" + (domain ?? "");
}

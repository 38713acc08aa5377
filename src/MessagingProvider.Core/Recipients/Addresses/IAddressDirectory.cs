using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.Recipients.Addresses;

/// <summary>What a provider's directory answers about addresses, for <see cref="AddressChecker"/>.</summary>
public interface IAddressDirectory
{
    /// <summary>The organisation's accepted domains (Exchange: Get-AcceptedDomain; "*.contoso.com" accepts the subdomains).</summary>
    Task<IReadOnlyList<string>> ReadAcceptedDomainsAsync(CancellationToken cancellationToken);

    /// <summary>False where nothing can tell who holds an address (Other).</summary>
    bool CanFindHolders { get; }

    /// <summary>The recipient that has <paramref name="address"/> as any of its addresses or aliases, or null.</summary>
    Task<string?> FindHolderAsync(string address, CancellationToken cancellationToken);
}

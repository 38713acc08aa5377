using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.Output;
using MessagingProvider.Recipients;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>
/// Reads Google groups and users as mail-enabled objects: one by its key (address, alias or ID),
/// or a list through groups.list/users.list with Google's prefix search and pageToken paging,
/// the rest of a wildcard matched here; and the domains and addresses the address checks need.
/// </summary>
public sealed class GoogleObjectReader
{
    private readonly string _identityStore;
    private readonly GoogleDirectoryClient _client;

    public GoogleObjectReader(string identityStore, GoogleDirectoryClient client)
    {
        _identityStore = identityStore;
        _client = client;
    }

    public async Task<IReadOnlyList<MailEnabledObjectInfo>> FindAsync(MailEnabledObjectQuery query, CancellationToken cancellationToken)
    {
        string? key = query.Identity ?? query.EmailAddress;
        if (key is not null) return new[] { await GetAsync(query.Kind, key, cancellationToken).ConfigureAwait(false) };

        WildcardPattern? pattern = query.Name is null ? null : new WildcardPattern(query.Name, WildcardOptions.IgnoreCase);
        string? search = Search(query.Name);
        var found = new List<MailEnabledObjectInfo>();
        string? pageToken = null;
        do
        {
            int size = query.ResultSize is int limit ? Math.Max(1, Math.Min(GoogleDirectoryClient.ListPageSize, limit - found.Count)) : GoogleDirectoryClient.ListPageSize;
            if (query.Kind == MailEnabledObjectKind.Group)
            {
                DirectoryGroups page = await _client.ListGroupsPageAsync(search, size, pageToken, cancellationToken).ConfigureAwait(false);
                foreach (DirectoryGroup group in page.Groups ?? Array.Empty<DirectoryGroup>())
                {
                    if (pattern is null || pattern.IsMatch(group.Name ?? "")) found.Add(await GroupInfoAsync(group, cancellationToken).ConfigureAwait(false));
                }

                pageToken = page.NextPageToken;
            }
            else
            {
                DirectoryUsers page = await _client.ListUsersPageAsync(search, size, pageToken, cancellationToken).ConfigureAwait(false);
                foreach (DirectoryUser user in page.Users ?? Array.Empty<DirectoryUser>())
                {
                    if (pattern is null || pattern.IsMatch(user.Name?.FullName ?? user.PrimaryEmail ?? "")) found.Add(UserInfo(user));
                }

                pageToken = page.NextPageToken;
            }
        }
        while (!string.IsNullOrEmpty(pageToken) && (query.ResultSize is not int max || found.Count < max));

        if (query.ResultSize is int cap && found.Count > cap) found.RemoveRange(cap, found.Count - cap);
        if (found.Count == 0 && query.NamesOneObject) throw NotFound(query.Kind, query.Name ?? "", null);
        return found;
    }

    /// <summary>A group or user by its key; none is RecipientNotFound.</summary>
    public async Task<MailEnabledObjectInfo> GetAsync(MailEnabledObjectKind kind, string key, CancellationToken cancellationToken)
    {
        try
        {
            if (kind == MailEnabledObjectKind.Group) return await GroupInfoAsync(await _client.GetGroupAsync(key, cancellationToken).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return UserInfo(await _client.GetUserAsync(key, cancellationToken).ConfigureAwait(false));
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw NotFound(kind, key, e);
        }
    }

    /// <summary>Every domain of the customer and its domain aliases.</summary>
    public async Task<IReadOnlyList<string>> DomainsAsync(CancellationToken cancellationToken)
    {
        DirectoryDomains domains = await _client.ListDomainsAsync(cancellationToken).ConfigureAwait(false);
        return (domains.Domains ?? Array.Empty<DirectoryDomain>())
            .SelectMany(d => new[] { d.DomainName }.Concat((d.DomainAliases ?? Array.Empty<DirectoryDomainAlias>()).Select(a => a.DomainAliasName)))
            .Where(d => !string.IsNullOrEmpty(d))
            .Select(d => d!)
            .ToList();
    }

    /// <summary>Google keeps one namespace for users, groups and their aliases: the user or group an address leads to, or null.</summary>
    public async Task<string?> HolderAsync(string address, CancellationToken cancellationToken)
    {
        try
        {
            DirectoryUser user = await _client.GetUserAsync(address, cancellationToken).ConfigureAwait(false);
            return user.PrimaryEmail ?? address;
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
        }

        try
        {
            DirectoryGroup group = await _client.GetGroupAsync(address, cancellationToken).ConfigureAwait(false);
            return group.Email ?? address;
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            return null;
        }
    }

    /// <summary>Google searches by prefix only: the text before the first wildcard, as name:'…*'.</summary>
    public static string? Search(string? name)
    {
        if (name is null) return null;
        int wildcard = name.IndexOfAny(new[] { '*', '?', '[' });
        string prefix = wildcard < 0 ? name : name.Substring(0, wildcard);
        if (prefix.Length == 0) return null;
        return "name:'" + prefix.Replace("'", "\\'") + (wildcard < 0 ? "'" : "*'");
    }

    private async Task<MailEnabledObjectInfo> GroupInfoAsync(DirectoryGroup group, CancellationToken cancellationToken)
    {
        string email = group.Email ?? "";
        IReadOnlyList<DirectoryMember> owners = await _client.ListOwnersAsync(email, cancellationToken).ConfigureAwait(false);
        return Info(MailEnabledObjectKind.Group, email, group.Name, group.Aliases, "GoogleGroup", owners.Select(o => o.Email ?? "").Where(o => o.Length > 0).ToArray());
    }

    private MailEnabledObjectInfo UserInfo(DirectoryUser user) =>
        Info(MailEnabledObjectKind.User, user.PrimaryEmail ?? "", user.Name?.FullName, user.Aliases, "GoogleUser", Array.Empty<string>());

    private MailEnabledObjectInfo Info(MailEnabledObjectKind kind, string email, string? name, IList<string>? aliases, string type, string[] managedBy) => new MailEnabledObjectInfo
    {
        IdentityStore = _identityStore,
        Identity = email,
        Kind = kind.ToString(),
        Name = name ?? email,
        DisplayName = name,
        Alias = email.Contains("@") ? email.Substring(0, email.IndexOf('@')) : email,
        PrimarySmtpAddress = email,
        EmailAddresses = new[] { "SMTP:" + email }.Concat((aliases ?? Array.Empty<string>()).Select(a => "smtp:" + a)).ToArray(),
        RecipientTypeDetails = type,
        ManagedBy = managedBy,
        Provider = MessagingProviderType.GoogleWorkspace,
        Server = _client.BaseUri.Host,
    };

    private MessagingProviderException NotFound(MailEnabledObjectKind kind, string key, Exception? inner) =>
        new MessagingProviderException(ErrorIds.RecipientNotFound, ErrorKind.NotFound,
            $"Google Workspace has no {(kind == MailEnabledObjectKind.Group ? "group" : "user")} '{key}' (identity store '{_identityStore}'). Get-MailEnabled{kind} -IdentityStore '{_identityStore}' lists them.",
            key, inner);
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Addresses;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.GoogleWorkspace.GroupsSettings;
using MessagingProvider.Output;
using MessagingProvider.Recipients;
using MessagingProvider.Recipients.Addresses;
using MessagingProvider.Security;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>
/// Mail-enabled objects in Google Workspace through the Directory API: groups are created with
/// the address alias@&lt;the store's domain&gt;; users and contacts are not created here; the
/// secondary addresses of groups and users are their aliases.
/// </summary>
public sealed class GoogleMailEnabledObjectProvider : IMailEnabledObjectProvider, IAddressDirectory
{
    private readonly string _identityStore;
    private readonly string _domain;
    private readonly GoogleDirectoryClient _client;
    private readonly GoogleGroupsSettingsClient? _groupsSettings;

    /// <param name="groupsSettings">The Groups Settings API; without it, the settings that live there are refused.</param>
    public GoogleMailEnabledObjectProvider(string identityStore, string domain, GoogleDirectoryClient client, GoogleGroupsSettingsClient? groupsSettings = null)
    {
        _identityStore = identityStore;
        _domain = domain;
        _client = client;
        _groupsSettings = groupsSettings;
        _reader = new GoogleObjectReader(identityStore, client);
        Addresses = new AddressChecker(identityStore, MessagingProviderType.GoogleWorkspace, this);
    }

    private readonly GoogleObjectReader _reader;

    public AddressChecker Addresses { get; }

    /// <summary>The provider of a Google Workspace store: the service account impersonating the administrator, whose domain is the store's.</summary>
    public static GoogleMailEnabledObjectProvider Create(string identityStore, GoogleWorkspaceSettings settings, SecretVault vault,
        Action<string>? verbose, HttpHandlerFactory? handlerFactory = null, GoogleRetryPolicy? retry = null)
    {
        // verbose is called from the thread the requests continue on: the caller gives one that may be (the cmdlet's bridge).
        var client = new GoogleDirectoryClient(settings, vault, handlerFactory, retry, verbose);
        string admin = settings.AdminUser ?? "";
        verbose?.Invoke($"Google Workspace: Directory API at {client.BaseUri} as {settings.ServiceAccount} for {admin}.");
        var groupsSettings = new GoogleGroupsSettingsClient(settings, vault, handlerFactory, verbose);
        return new GoogleMailEnabledObjectProvider(identityStore, admin.Substring(admin.LastIndexOf('@') + 1), client, groupsSettings);
    }

    public string Describe(MailEnabledObjectRequest request)
    {
        RequireGroup(request);
        return $"Create the Google group {AddressChecker.Planned(request.PrimarySmtpAddress, request.Alias ?? "", _domain)} (Directory API groups.insert at {_client.BaseUri})" +
               (request.HiddenFromAddressListsEnabled ? ", then keep it out of the global address list (Groups Settings API includeInGlobalAddressList)" : "");
    }

    public async Task<MailEnabledObjectResult> ProvisionAsync(MailEnabledObjectRequest request, string alias, CancellationToken cancellationToken)
    {
        RequireGroup(request);
        string email = AddressChecker.Planned(request.PrimarySmtpAddress, alias, _domain);
        if (!request.SkipAddressCheck) await Addresses.RequireAsync(email, request.Identity, cancellationToken).ConfigureAwait(false);
        // The scope is asked for before the create, so a refused scope leaves no half-made group.
        if (request.HiddenFromAddressListsEnabled) await GroupsSettings().RequireScopeAsync(cancellationToken).ConfigureAwait(false);
        var group = new DirectoryGroup
        {
            Email = email,
            Name = request.DisplayName ?? (request.Mode == MailEnabledObjectMode.New ? request.Identity : request.Name ?? AliasGenerator.LeafName(request.Identity)),
        };
        DirectoryGroup created;
        try
        {
            created = await _client.InsertGroupAsync(group, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.AlreadyExists)
        {
            throw new MessagingProviderException(ErrorIds.GoogleGroupExists, ErrorKind.AlreadyExists,
                $"Google Workspace already has a group, user or alias with the address {email} (identity store '{_identityStore}'), so the group '{request.Identity}' was not created. Give another -Alias, or use the existing group.",
                email, e);
        }

        if (request.HiddenFromAddressListsEnabled) await HideAfterCreateAsync(request, created.Email ?? email, cancellationToken).ConfigureAwait(false);
        return new MailEnabledObjectResult
        {
            IdentityStore = _identityStore,
            Identity = request.Identity,
            Kind = request.Kind.ToString(),
            Alias = alias,
            PrimarySmtpAddress = created.Email ?? email,
            RecipientTypeDetails = "GoogleGroup",
            Provider = MessagingProviderType.GoogleWorkspace,
            Command = "groups.insert",
            Server = _client.BaseUri.Host,
        };
    }

    public async Task<EmailAddressUpdate> SetEmailAddressesAsync(string identity, IReadOnlyList<string> desired, string? primary, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        // Bad input is refused before any remote call.
        EmailAddressExport.Compute(null, desired, primary, null);

        GoogleAddresses current = await ReadAsync(identity, cancellationToken).ConfigureAwait(false);
        EmailAddressUpdate update = EmailAddressExport.Compute(current.Entries, desired, primary, null);
        return await ApplyAsync(identity, current, update, null, confirm, cancellationToken).ConfigureAwait(false);
    }

    public async Task<EmailAddressUpdate> EditEmailAddressesAsync(string identity, IReadOnlyList<string> add, IReadOnlyList<string> remove, string? primary, bool skipAddressCheck, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        GoogleAddresses current = await ReadAsync(identity, cancellationToken).ConfigureAwait(false);
        EmailAddressUpdate update = EmailAddressEdit.Compute(current.Entries, add, remove, primary, null);
        return await ApplyAsync(identity, current, update, skipAddressCheck ? null : current.PrimaryEmail, confirm, cancellationToken).ConfigureAwait(false);
    }

    /// <param name="checkAs">When set, each new alias is checked first (accepted domain, not held by anyone but this owner).</param>
    private async Task<EmailAddressUpdate> ApplyAsync(string identity, GoogleAddresses current, EmailAddressUpdate update, string? checkAs, Func<EmailAddressUpdate, bool> confirm, CancellationToken cancellationToken)
    {
        update.Identity = identity;
        if (!string.Equals(update.PrimarySmtpAddress, current.PrimaryEmail, StringComparison.OrdinalIgnoreCase))
        {
            throw new MessagingProviderException(ErrorIds.GooglePrimaryAddressChangeNotSupported, ErrorKind.NotSupported,
                $"The primary address of '{identity}' in Google Workspace is {current.PrimaryEmail}; this module does not rename Google {current.Owner.ToString().ToLowerInvariant()}s, so it cannot become {update.PrimarySmtpAddress}. " +
                $"Rename it in the Google Admin console, or give {current.PrimaryEmail} as the primary address (-PrimarySmtpAddress) and the other addresses as aliases.",
                identity);
        }

        List<string> wanted = update.EmailAddresses.Where(a => a.StartsWith("smtp:", StringComparison.Ordinal)).Select(a => a.Substring(5)).ToList();
        List<string> add = wanted.Where(a => !current.Aliases.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        List<string> remove = current.Aliases.Where(a => !wanted.Contains(a, StringComparer.OrdinalIgnoreCase)).ToList();
        if (checkAs is not null)
        {
            foreach (string alias in add)
            {
                EmailAddressCheck check = await Addresses.CheckAsync(alias, cancellationToken).ConfigureAwait(false);
                if (!check.DomainAccepted || (check.InUse == true && !string.Equals(check.HeldBy, checkAs, StringComparison.OrdinalIgnoreCase))) await Addresses.RequireAsync(alias, identity, cancellationToken).ConfigureAwait(false);
            }
        }

        // Google keeps aliases as a set: only additions and removals are changes, not the order.
        update.Changed = add.Count > 0 || remove.Count > 0;
        if (!update.Changed || !confirm(update)) return update;

        foreach (string alias in add) await _client.InsertAliasAsync(current.Owner, current.PrimaryEmail, alias, cancellationToken).ConfigureAwait(false);
        foreach (string alias in remove) await _client.DeleteAliasAsync(current.Owner, current.PrimaryEmail, alias, cancellationToken).ConfigureAwait(false);
        update.Server = _client.BaseUri.Host;
        return update;
    }

    public Task<IReadOnlyList<string>> ReadAcceptedDomainsAsync(CancellationToken cancellationToken) => _reader.DomainsAsync(cancellationToken);

    public bool CanFindHolders => true;

    public Task<string?> FindHolderAsync(string address, CancellationToken cancellationToken) => _reader.HolderAsync(address, cancellationToken);

    public async Task<IReadOnlyList<MailEnabledObjectInfo>> FindAsync(MailEnabledObjectQuery query, CancellationToken cancellationToken)
    {
        if (query.Kind == MailEnabledObjectKind.Contact) throw ContactNotSupported(query.Identity ?? query.EmailAddress ?? query.Name ?? _identityStore);
        return await _reader.FindAsync(query, cancellationToken).ConfigureAwait(false);
    }

    public async Task<MailEnabledObjectRemoval?> RemoveAsync(MailEnabledObjectKind kind, string identity, bool disable, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        if (disable)
        {
            throw new MessagingProviderException(ErrorIds.GoogleDisableNotSupported, ErrorKind.NotSupported,
                $"'{identity}' cannot be disabled in Google Workspace (identity store '{_identityStore}'): a Google group or user is its address, there is no directory object to keep without it. Remove-MailEnabledGroup deletes a group.",
                identity);
        }

        if (kind == MailEnabledObjectKind.Contact) throw ContactNotSupported(identity);
        if (kind == MailEnabledObjectKind.User)
        {
            throw new MessagingProviderException(ErrorIds.GoogleUserNotSupported, ErrorKind.NotSupported,
                $"'{identity}' cannot be removed through the Google Workspace provider of identity store '{_identityStore}': users are deleted in the Google Admin console or by directory synchronization (Google Cloud Directory Sync), not by this module.",
                identity);
        }

        MailEnabledObjectInfo group = await _reader.GetAsync(kind, identity, cancellationToken).ConfigureAwait(false);
        if (!confirm($"Delete the Google group {group.PrimarySmtpAddress} (Directory API groups.delete at {_client.BaseUri})")) return null;
        await _client.DeleteGroupAsync(group.PrimarySmtpAddress, cancellationToken).ConfigureAwait(false);
        return new MailEnabledObjectRemoval
        {
            IdentityStore = _identityStore,
            Identity = identity,
            Kind = kind.ToString(),
            Action = "Removed",
            RecipientTypeDetails = group.RecipientTypeDetails,
            Provider = MessagingProviderType.GoogleWorkspace,
            Command = "groups.delete",
            Server = _client.BaseUri.Host,
        };
    }

    public async Task<MailEnabledObjectInfo?> ChangeAsync(MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings, Func<string, bool> confirm, CancellationToken cancellationToken)
    {
        if (kind == MailEnabledObjectKind.Contact) throw ContactNotSupported(identity);
        GoogleSettingsMap.Require(_identityStore, kind, identity, settings);
        IReadOnlyDictionary<string, string> fields = GoogleGroupsSettingsMap.Changes(settings);
        MailEnabledObjectInfo group = await _reader.GetAsync(kind, identity, cancellationToken).ConfigureAwait(false);
        var apis = new List<string>();
        if (settings.DisplayName is not null) apis.Add($"Directory API groups.patch at {_client.BaseUri}");
        if (fields.Count > 0) apis.Add($"Groups Settings API {string.Join(", ", fields.Select(f => f.Key + "=" + f.Value))} at {GroupsSettings().BaseUri}");
        if (!confirm($"Patch the Google group {group.PrimarySmtpAddress}: {string.Join(", ", settings.Given())} ({string.Join("; ", apis)})")) return null;

        // The scope first: refused, it stops the command before the name changes.
        if (fields.Count > 0) await GroupsSettings().RequireScopeAsync(cancellationToken).ConfigureAwait(false);
        if (settings.DisplayName is not null) await _client.PatchGroupAsync(group.PrimarySmtpAddress, new DirectoryGroup { Name = settings.DisplayName }, cancellationToken).ConfigureAwait(false);
        GoogleGroupSettings? after = fields.Count > 0 ? await GroupsSettings().PatchAsync(group.PrimarySmtpAddress, fields, cancellationToken).ConfigureAwait(false) : null;
        MailEnabledObjectInfo info = await _reader.GetAsync(kind, group.PrimarySmtpAddress, cancellationToken).ConfigureAwait(false);
        if (after is not null) info.HiddenFromAddressListsEnabled = GoogleGroupsSettingsMap.Hidden(after.IncludeInGlobalAddressList) ?? info.HiddenFromAddressListsEnabled;
        return info;
    }

    private GoogleGroupsSettingsClient GroupsSettings() => _groupsSettings ?? throw new MessagingProviderException(ErrorIds.SettingNotSupported, ErrorKind.NotSupported,
        $"The Google Workspace provider of identity store '{_identityStore}' was made without the Groups Settings API, so who can join, who can post and the global address list cannot be changed.", _identityStore);

    /// <summary>groups.insert has no address-list flag: the Groups Settings API sets it right after, for the group just made.</summary>
    private async Task HideAfterCreateAsync(MailEnabledObjectRequest request, string email, CancellationToken cancellationToken)
    {
        try
        {
            await GroupsSettings().PatchAsync(email, new Dictionary<string, string> { [GoogleGroupSettings.IncludeInGlobalAddressListField] = "false" }, cancellationToken).ConfigureAwait(false);
        }
        catch (MessagingProviderException e)
        {
            throw new MessagingProviderException(ErrorIds.SettingsAfterCreateFailed, e.Kind,
                $"The Google group {email} was created, but keeping it out of the global address list failed: {e.Message} Finish it with Set-MailEnabledGroup -IdentityStore '{_identityStore}' -Identity '{email}' -HiddenFromAddressListsEnabled $true.",
                request.Identity, e);
        }
    }

    private MessagingProviderException ContactNotSupported(string target) =>
        new MessagingProviderException(ErrorIds.GoogleContactNotSupported, ErrorKind.NotSupported,
            $"Google Workspace has no mail contacts in the Directory API (identity store '{_identityStore}'), so there are none to read or remove here. Shared contacts live in the Google Admin console.",
            target);

    /// <summary>A group of that key, else a user; neither is RecipientNotFound.</summary>
    private async Task<GoogleAddresses> ReadAsync(string identity, CancellationToken cancellationToken)
    {
        try
        {
            DirectoryGroup group = await _client.GetGroupAsync(identity, cancellationToken).ConfigureAwait(false);
            return new GoogleAddresses(AliasOwner.Group, group.Email ?? identity, group.Aliases);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
        }

        try
        {
            DirectoryUser user = await _client.GetUserAsync(identity, cancellationToken).ConfigureAwait(false);
            return new GoogleAddresses(AliasOwner.User, user.PrimaryEmail ?? identity, user.Aliases);
        }
        catch (MessagingProviderException e) when (e.Kind == ErrorKind.NotFound)
        {
            throw new MessagingProviderException(ErrorIds.RecipientNotFound, ErrorKind.NotFound,
                $"Google Workspace has no group or user '{identity}' (identity store '{_identityStore}'). Give its primary email address, an alias or its ID; create groups with New-MailEnabledGroup and users in the Google Admin console.",
                identity, e);
        }
    }

    private void RequireGroup(MailEnabledObjectRequest request)
    {
        CloudObjectRules.RefuseOrganizationalUnit(request, _identityStore, "Google Workspace", "Google groups have no organizational unit");
        if (request.Kind == MailEnabledObjectKind.Group) GoogleSettingsMap.RequireCreate(_identityStore, request);
        if (request.Kind == MailEnabledObjectKind.User)
        {
            throw new MessagingProviderException(ErrorIds.GoogleUserNotSupported, ErrorKind.NotSupported,
                $"'{request.Identity}' cannot be mail-enabled in Google Workspace (identity store '{_identityStore}'): every Google Workspace user already has a mailbox address, and users are created in the Google Admin console or by directory synchronization (Google Cloud Directory Sync), not by this module. Set-RecipientEmailAddress manages an existing user's aliases.",
                request.Identity);
        }

        if (request.Kind == MailEnabledObjectKind.Contact)
        {
            throw new MessagingProviderException(ErrorIds.GoogleContactNotSupported, ErrorKind.NotSupported,
                $"'{request.Identity}' cannot be created as a mail contact in Google Workspace (identity store '{_identityStore}'): the Directory API has no mail contacts. Keep external addresses as members of a Google group, or as shared contacts in the Google Admin console.",
                request.Identity);
        }
    }

    public void Dispose()
    {
        _client.Dispose();
        _groupsSettings?.Dispose();
    }

    public void Abandon() => Dispose();

    private sealed class GoogleAddresses
    {
        public GoogleAddresses(AliasOwner owner, string primaryEmail, IList<string>? aliases)
        {
            Owner = owner;
            PrimaryEmail = primaryEmail;
            Aliases = (IReadOnlyList<string>?)aliases?.ToList() ?? Array.Empty<string>();
        }

        public AliasOwner Owner { get; }

        public string PrimaryEmail { get; }

        public IReadOnlyList<string> Aliases { get; }

        /// <summary>As Exchange would list them: the primary SMTP:, then the aliases smtp:.</summary>
        public IEnumerable<string> Entries => new[] { "SMTP:" + PrimaryEmail }.Concat(Aliases.Select(a => "smtp:" + a));
    }
}

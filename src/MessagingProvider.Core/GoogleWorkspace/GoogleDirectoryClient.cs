using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Google;
using Google.Apis.Auth.OAuth2.Responses;
using Google.Apis.Http;
using Google.Apis.Services;
using MessagingProvider.Cloud;
using MessagingProvider.Configuration;
using MessagingProvider.GoogleWorkspace.Directory;
using MessagingProvider.Security;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>
/// The Directory API calls of a Google Workspace identity store (groups, members, user aliases),
/// made as the store's service account impersonating its administrator.
/// </summary>
public sealed class GoogleDirectoryClient : IDisposable
{
    public const int MembersPageSize = 200;

    private readonly GoogleWorkspaceSettings _settings;
    private readonly DirectoryService _service;

    public GoogleDirectoryClient(GoogleWorkspaceSettings settings, SecretVault vault, HttpHandlerFactory? handlerFactory = null,
        GoogleRetryPolicy? retry = null, Action<string>? verbose = null, IConfigurableHttpClientInitializer? credential = null)
    {
        _settings = settings;
        var initializer = new BaseClientService.Initializer
        {
            HttpClientInitializer = credential ?? GoogleServiceAccount.Credential(settings, vault, handlerFactory),
            ApplicationName = "MessagingProvider",
            BaseUri = GoogleEndpoints.DirectoryApi(settings).ToString(),
            // Our handler below decides what is retried (Google.Apis' default retries only 503).
            DefaultExponentialBackOffPolicy = ExponentialBackOffPolicy.None,
        };
        if (handlerFactory is not null) initializer.HttpClientFactory = new GoogleHttpClientFactory(handlerFactory);
        _service = new DirectoryService(initializer);
        GoogleRetryPolicy policy = retry ?? new GoogleRetryPolicy();
        _service.HttpClient.MessageHandler.AddUnsuccessfulResponseHandler(new GoogleRateLimitBackOffHandler(policy, verbose));
        _service.HttpClient.MessageHandler.NumTries = policy.MaximumRetries + 1;
        Verbose = verbose;
    }

    public Action<string>? Verbose { get; }

    public Uri BaseUri => new Uri(_service.BaseUri);

    public Task<DirectoryGroup> InsertGroupAsync(DirectoryGroup group, CancellationToken cancellationToken) =>
        Run($"Insert group {group.Email}", ct => new GroupsInsertRequest(_service, group).ExecuteAsync(ct), cancellationToken);

    public Task<DirectoryGroup> GetGroupAsync(string groupKey, CancellationToken cancellationToken) =>
        Run($"Get group {groupKey}", ct => new GroupsGetRequest(_service, groupKey).ExecuteAsync(ct), cancellationToken);

    public Task<DirectoryMember> InsertMemberAsync(string groupKey, DirectoryMember member, CancellationToken cancellationToken) =>
        Run($"Add {member.Email} to group {groupKey}", ct => new MembersInsertRequest(_service, groupKey, member).ExecuteAsync(ct), cancellationToken);

    public async Task<IReadOnlyList<DirectoryMember>> ListMembersAsync(string groupKey, CancellationToken cancellationToken)
    {
        var members = new List<DirectoryMember>();
        string? pageToken = null;
        do
        {
            var request = new MembersListRequest(_service, groupKey) { MaxResults = MembersPageSize, PageToken = pageToken };
            DirectoryMembers page = await Run($"List the members of group {groupKey}", ct => request.ExecuteAsync(ct), cancellationToken).ConfigureAwait(false);
            if (page.Members is not null) members.AddRange(page.Members);
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
        return members;
    }

    public Task<DirectoryAlias> InsertAliasAsync(string userKey, string alias, CancellationToken cancellationToken) =>
        InsertAliasAsync(AliasOwner.User, userKey, alias, cancellationToken);

    public Task<DirectoryAlias> InsertAliasAsync(AliasOwner owner, string ownerKey, string alias, CancellationToken cancellationToken) =>
        Run($"Add alias {alias} to {ownerKey}", ct => new AliasesInsertRequest(_service, owner, ownerKey, new DirectoryAlias { Alias = alias }).ExecuteAsync(ct), cancellationToken);

    public Task DeleteAliasAsync(AliasOwner owner, string ownerKey, string alias, CancellationToken cancellationToken) =>
        Run($"Remove alias {alias} from {ownerKey}", ct => new AliasesDeleteRequest(_service, owner, ownerKey, alias).ExecuteAsync(ct), cancellationToken);

    public async Task<IReadOnlyList<DirectoryAlias>> ListAliasesAsync(string userKey, CancellationToken cancellationToken)
    {
        DirectoryAliases aliases = await Run($"List the aliases of {userKey}", ct => new AliasesListRequest(_service, AliasOwner.User, userKey).ExecuteAsync(ct), cancellationToken).ConfigureAwait(false);
        return (IReadOnlyList<DirectoryAlias>?)aliases.Aliases ?? Array.Empty<DirectoryAlias>();
    }

    public const int ListPageSize = 200;

    /// <summary>One page of groups.list (or users.list) of the administrator's customer.</summary>
    public Task<DirectoryGroups> ListGroupsPageAsync(string? query, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var request = new GroupsListRequest(_service) { Query = query, MaxResults = maxResults, PageToken = pageToken };
        return Run($"List groups{(query is null ? "" : " matching " + query)}{(pageToken is null ? "" : " (next page)")}", ct => request.ExecuteAsync(ct), cancellationToken);
    }

    public Task<DirectoryUsers> ListUsersPageAsync(string? query, int maxResults, string? pageToken, CancellationToken cancellationToken)
    {
        var request = new UsersListRequest(_service) { Query = query, MaxResults = maxResults, PageToken = pageToken };
        return Run($"List users{(query is null ? "" : " matching " + query)}{(pageToken is null ? "" : " (next page)")}", ct => request.ExecuteAsync(ct), cancellationToken);
    }

    public Task<DirectoryDomains> ListDomainsAsync(CancellationToken cancellationToken) =>
        Run("List the domains and domain aliases", ct => new DomainsListRequest(_service).ExecuteAsync(ct), cancellationToken);

    public Task<DirectoryGroup> PatchGroupAsync(string groupKey, DirectoryGroup changes, CancellationToken cancellationToken) =>
        Run($"Patch group {groupKey}", ct => new GroupsPatchRequest(_service, changes, groupKey).ExecuteAsync(ct), cancellationToken);

    public Task DeleteGroupAsync(string groupKey, CancellationToken cancellationToken) =>
        Run($"Delete group {groupKey}", ct => new GroupsDeleteRequest(_service, groupKey).ExecuteAsync(ct), cancellationToken);

    /// <summary>The owners of a group (members.list with roles=OWNER, every page).</summary>
    public async Task<IReadOnlyList<DirectoryMember>> ListOwnersAsync(string groupKey, CancellationToken cancellationToken)
    {
        var owners = new List<DirectoryMember>();
        string? pageToken = null;
        do
        {
            var request = new MembersListRequest(_service, groupKey) { MaxResults = MembersPageSize, PageToken = pageToken, Roles = "OWNER" };
            DirectoryMembers page = await Run($"List the owners of group {groupKey}", ct => request.ExecuteAsync(ct), cancellationToken).ConfigureAwait(false);
            if (page.Members is not null) owners.AddRange(page.Members);
            pageToken = page.NextPageToken;
        }
        while (!string.IsNullOrEmpty(pageToken));
        return owners;
    }

    public Task<DirectoryUser> GetUserAsync(string userKey, CancellationToken cancellationToken) =>
        Run($"Get user {userKey}", ct => new UsersGetRequest(_service, userKey).ExecuteAsync(ct), cancellationToken);

    private async Task<T> Run<T>(string operation, Func<CancellationToken, Task<T>> call, CancellationToken cancellationToken)
    {
        Verbose?.Invoke($"Google Directory API: {operation}.");
        try
        {
            return await call(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception e) when (e is GoogleApiException || e is TokenResponseException || e is System.Net.Http.HttpRequestException
                                  || e is OperationCanceledException || e is AggregateException)
        {
            throw GoogleErrorTranslator.Translate(e, operation, _settings);
        }
    }

    public void Dispose() => _service.Dispose();
}

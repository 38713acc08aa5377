using System;
using MessagingProvider.Configuration;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Google's endpoints and the scopes the Directory API calls need (domain-wide delegation grants them).</summary>
public static class GoogleEndpoints
{
    public static readonly Uri DefaultTokenEndpoint = new Uri("https://oauth2.googleapis.com/token");

    public static readonly Uri DefaultIamCredentials = new Uri("https://iamcredentials.googleapis.com/");

    public static readonly Uri DefaultDirectoryApi = new Uri("https://admin.googleapis.com/");

    public const string GroupScope = "https://www.googleapis.com/auth/admin.directory.group";

    public const string UserScope = "https://www.googleapis.com/auth/admin.directory.user";

    /// <summary>Reading the domains and domain aliases (domains.list), which the address checks accept.</summary>
    public const string DomainReadScope = "https://www.googleapis.com/auth/admin.directory.domain.readonly";

    public static readonly string[] Scopes = { GroupScope, UserScope, DomainReadScope };

    /// <summary>
    /// The Groups Settings API (who can join, who can post, the global address list). Asked for only
    /// when a command changes such a setting, so stores whose delegation lacks it keep working.
    /// </summary>
    public const string GroupsSettingsScope = "https://www.googleapis.com/auth/apps.groups.settings";

    public static readonly Uri DefaultGroupsSettingsApi = new Uri("https://www.googleapis.com/");

    /// <summary>The Directory API scopes and the Groups Settings scope.</summary>
    public static readonly string[] ScopesWithGroupsSettings = { GroupScope, UserScope, DomainReadScope, GroupsSettingsScope };

    /// <summary>
    /// Google's www.googleapis.com, or the Directory API endpoint when the store overrides it (a
    /// gateway or test stand-in that serves Google's paths, /groups/v1/ beside /admin/directory/v1/).
    /// </summary>
    public static Uri GroupsSettingsApi(GoogleWorkspaceSettings settings) => settings.DirectoryApiEndpoint ?? DefaultGroupsSettingsApi;

    public static Uri TokenEndpoint(GoogleWorkspaceSettings settings) => settings.TokenEndpoint ?? DefaultTokenEndpoint;

    public static Uri IamCredentials(GoogleWorkspaceSettings settings) => settings.IamCredentialsEndpoint ?? DefaultIamCredentials;

    public static Uri DirectoryApi(GoogleWorkspaceSettings settings) => settings.DirectoryApiEndpoint ?? DefaultDirectoryApi;
}

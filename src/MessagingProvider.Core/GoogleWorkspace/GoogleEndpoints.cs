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

    public static Uri TokenEndpoint(GoogleWorkspaceSettings settings) => settings.TokenEndpoint ?? DefaultTokenEndpoint;

    public static Uri IamCredentials(GoogleWorkspaceSettings settings) => settings.IamCredentialsEndpoint ?? DefaultIamCredentials;

    public static Uri DirectoryApi(GoogleWorkspaceSettings settings) => settings.DirectoryApiEndpoint ?? DefaultDirectoryApi;
}

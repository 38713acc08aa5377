using System.Collections.Generic;
using Google.Apis.Requests;
using Newtonsoft.Json;

namespace MessagingProvider.GoogleWorkspace.Directory;

// The few Admin SDK Directory API resources this module uses, as the generated
// Google.Apis.Admin.Directory client would define them (that package is not available here).

public sealed class DirectoryGroup : IDirectResponseSchema
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("email")] public string? Email { get; set; }
    [JsonProperty("name")] public string? Name { get; set; }
    [JsonProperty("description")] public string? Description { get; set; }
    [JsonProperty("directMembersCount")] public long? DirectMembersCount { get; set; }
    [JsonProperty("aliases")] public IList<string>? Aliases { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryMember : IDirectResponseSchema
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("email")] public string? Email { get; set; }

    /// <summary>MEMBER, MANAGER or OWNER.</summary>
    [JsonProperty("role")] public string? Role { get; set; }

    /// <summary>USER, GROUP, CUSTOMER or EXTERNAL.</summary>
    [JsonProperty("type")] public string? Type { get; set; }

    [JsonProperty("status")] public string? Status { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryMembers : IDirectResponseSchema
{
    [JsonProperty("members")] public IList<DirectoryMember>? Members { get; set; }
    [JsonProperty("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryAlias : IDirectResponseSchema
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("primaryEmail")] public string? PrimaryEmail { get; set; }
    [JsonProperty("alias")] public string? Alias { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryAliases : IDirectResponseSchema
{
    [JsonProperty("aliases")] public IList<DirectoryAlias>? Aliases { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryUser : IDirectResponseSchema
{
    [JsonProperty("id")] public string? Id { get; set; }
    [JsonProperty("primaryEmail")] public string? PrimaryEmail { get; set; }
    [JsonProperty("isAdmin")] public bool? IsAdmin { get; set; }
    [JsonProperty("name")] public DirectoryUserName? Name { get; set; }

    /// <summary>The aliases an administrator added (not the domain aliases Google adds itself, nonEditableAliases).</summary>
    [JsonProperty("aliases")] public IList<string>? Aliases { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryUserName
{
    [JsonProperty("fullName")] public string? FullName { get; set; }
    [JsonProperty("givenName")] public string? GivenName { get; set; }
    [JsonProperty("familyName")] public string? FamilyName { get; set; }
}

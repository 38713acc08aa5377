using System.Collections.Generic;
using Google.Apis.Requests;
using Newtonsoft.Json;

namespace MessagingProvider.GoogleWorkspace.Directory;

// The list resources of the Admin SDK Directory API the mail-enabled object reads use.

public sealed class DirectoryGroups : IDirectResponseSchema
{
    [JsonProperty("groups")] public IList<DirectoryGroup>? Groups { get; set; }
    [JsonProperty("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryUsers : IDirectResponseSchema
{
    [JsonProperty("users")] public IList<DirectoryUser>? Users { get; set; }
    [JsonProperty("nextPageToken")] public string? NextPageToken { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

public sealed class DirectoryDomainAlias
{
    [JsonProperty("domainAliasName")] public string? DomainAliasName { get; set; }
    [JsonProperty("verified")] public bool? Verified { get; set; }
}

public sealed class DirectoryDomain
{
    [JsonProperty("domainName")] public string? DomainName { get; set; }
    [JsonProperty("isPrimary")] public bool? IsPrimary { get; set; }
    [JsonProperty("verified")] public bool? Verified { get; set; }
    [JsonProperty("domainAliases")] public IList<DirectoryDomainAlias>? DomainAliases { get; set; }
}

public sealed class DirectoryDomains : IDirectResponseSchema
{
    [JsonProperty("domains")] public IList<DirectoryDomain>? Domains { get; set; }
    [JsonProperty("etag")] public string? ETag { get; set; }
}

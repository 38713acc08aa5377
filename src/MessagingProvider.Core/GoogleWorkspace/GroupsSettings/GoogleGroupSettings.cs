using System.Collections.Generic;

namespace MessagingProvider.GoogleWorkspace.GroupsSettings;

/// <summary>The Groups Settings API fields this module reads and writes. The API gives every field as a string, booleans too ("true"/"false").</summary>
public sealed class GoogleGroupSettings
{
    public const string WhoCanJoinField = "whoCanJoin";
    public const string WhoCanPostMessageField = "whoCanPostMessage";
    public const string IncludeInGlobalAddressListField = "includeInGlobalAddressList";

    public GoogleGroupSettings(IReadOnlyDictionary<string, string> fields) => Fields = fields;

    /// <summary>Every string field of the resource as Google returned it.</summary>
    public IReadOnlyDictionary<string, string> Fields { get; }

    public string? WhoCanJoin => Get(WhoCanJoinField);

    public string? WhoCanPostMessage => Get(WhoCanPostMessageField);

    public string? IncludeInGlobalAddressList => Get(IncludeInGlobalAddressListField);

    private string? Get(string field) => Fields.TryGetValue(field, out string? value) ? value : null;
}

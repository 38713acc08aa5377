using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Recipients;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Which Set-MailEnabled* settings have a Google Workspace equivalent; the others are refused before anything is sent.</summary>
public static class GoogleSettingsMap
{
    /// <summary>
    /// A group's name (Directory API groups.patch), its join restriction, sender authentication
    /// and address-list visibility (Groups Settings API) map; owners and the depart restriction do
    /// not, nor any setting of a user.
    /// </summary>
    public static void Require(string identityStore, MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings)
    {
        var mapped = new HashSet<string>
        {
            nameof(MailEnabledObjectSettings.DisplayName),
            nameof(MailEnabledObjectSettings.MemberJoinRestriction),
            nameof(MailEnabledObjectSettings.RequireSenderAuthenticationEnabled),
            nameof(MailEnabledObjectSettings.HiddenFromAddressListsEnabled),
        };
        var refused = kind == MailEnabledObjectKind.User ? settings.Given().ToList() : settings.Given().Where(name => !mapped.Contains(name)).ToList();
        if (refused.Count == 0) return;
        string where = kind == MailEnabledObjectKind.User
            ? "a Google user's settings are changed in the Google Admin console or by directory synchronization"
            : "a Google group has no such setting in the Directory API or the Groups Settings API (owners are members with the role OWNER, managed in the Google Admin console)";
        throw new MessagingProviderException(ErrorIds.SettingNotSupported, ErrorKind.NotSupported,
            $"{string.Join(", ", refused)} cannot be set on '{identity}' in Google Workspace (identity store '{identityStore}'): {where}. Nothing was changed.",
            identity);
    }

    /// <summary>What New-/Enable-MailEnabledGroup may ask of Google: a distribution group without owners (-ManagedBy), hidden or not.</summary>
    public static void RequireCreate(string identityStore, MailEnabledObjectRequest request)
    {
        var refused = new List<string>();
        if (request.GroupType == GroupType.Security) refused.Add("-Type Security (Google groups are mailing lists; a security group is a label set in the Google Admin console, not by the Directory API)");
        if (request.ManagedBy is { Length: > 0 }) refused.Add("-ManagedBy (owners are members with the role OWNER, managed in the Google Admin console)");
        if (refused.Count == 0) return;
        throw new MessagingProviderException(ErrorIds.SettingNotSupported, ErrorKind.NotSupported,
            $"The Google group '{request.Identity}' cannot be created with {string.Join(" and ", refused)} (identity store '{identityStore}'). Nothing was created; leave the parameter out.",
            request.Identity);
    }
}

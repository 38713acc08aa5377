using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Recipients;

namespace MessagingProvider.GoogleWorkspace;

/// <summary>Which Set-MailEnabled* settings have a Google Workspace equivalent; the others are refused before anything is sent.</summary>
public static class GoogleSettingsMap
{
    /// <summary>A group's name (groups.patch) maps; Exchange's address-list and sender-authentication flags, owners and membership restrictions do not (yet).</summary>
    public static void Require(string identityStore, MailEnabledObjectKind kind, string identity, MailEnabledObjectSettings settings)
    {
        var refused = new List<string>(settings.Given().Where(name => name != nameof(MailEnabledObjectSettings.DisplayName)));
        if (kind == MailEnabledObjectKind.User && settings.DisplayName is not null) refused.Insert(0, nameof(MailEnabledObjectSettings.DisplayName));
        if (refused.Count == 0) return;
        string where = kind == MailEnabledObjectKind.User
            ? "a Google user's settings are changed in the Google Admin console or by directory synchronization"
            : "a Google group has no such setting in the Directory API";
        throw new MessagingProviderException(ErrorIds.SettingNotSupported, ErrorKind.NotSupported,
            $"{string.Join(", ", refused)} cannot be set on '{identity}' in Google Workspace (identity store '{identityStore}'): {where}. Nothing was changed.",
            identity);
    }
}

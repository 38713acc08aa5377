using System;
using System.Collections.Generic;
using MessagingProvider.Recipients;

namespace MessagingProvider.GoogleWorkspace.GroupsSettings;

/// <summary>
/// Exchange's group settings as Groups Settings API fields, and back.
/// </summary>
/// <remarks>
/// MemberJoinRestriction: Open → ALL_IN_DOMAIN_CAN_JOIN (Exchange's Open lets anyone of the
/// organisation join; ANYONE_CAN_JOIN would open the group to every Internet user, which Exchange
/// never does), ApprovalRequired → CAN_REQUEST_TO_JOIN, Closed → INVITED_CAN_JOIN.
/// RequireSenderAuthenticationEnabled: $true → ALL_IN_DOMAIN_CAN_POST, $false → ANYONE_CAN_POST.
/// HiddenFromAddressListsEnabled: $true → includeInGlobalAddressList "false", $false → "true".
/// </remarks>
public static class GoogleGroupsSettingsMap
{
    /// <summary>The fields to PATCH for <paramref name="settings"/>; empty when none of its settings lives in the Groups Settings API.</summary>
    public static IReadOnlyDictionary<string, string> Changes(MailEnabledObjectSettings settings)
    {
        var changes = new Dictionary<string, string>(StringComparer.Ordinal);
        if (settings.MemberJoinRestriction is MemberRestriction join) changes[GoogleGroupSettings.WhoCanJoinField] = WhoCanJoin(join);
        if (settings.RequireSenderAuthenticationEnabled is bool internalOnly) changes[GoogleGroupSettings.WhoCanPostMessageField] = internalOnly ? "ALL_IN_DOMAIN_CAN_POST" : "ANYONE_CAN_POST";
        if (settings.HiddenFromAddressListsEnabled is bool hidden) changes[GoogleGroupSettings.IncludeInGlobalAddressListField] = hidden ? "false" : "true";
        return changes;
    }

    public static string WhoCanJoin(MemberRestriction restriction) => restriction switch
    {
        MemberRestriction.Open => "ALL_IN_DOMAIN_CAN_JOIN",
        MemberRestriction.ApprovalRequired => "CAN_REQUEST_TO_JOIN",
        _ => "INVITED_CAN_JOIN",
    };

    /// <summary>Google's whoCanJoin as Exchange's restriction (ANYONE_CAN_JOIN is Open too); null for a value Google adds later.</summary>
    public static MemberRestriction? JoinRestriction(string? whoCanJoin) => whoCanJoin switch
    {
        "ANYONE_CAN_JOIN" or "ALL_IN_DOMAIN_CAN_JOIN" => MemberRestriction.Open,
        "CAN_REQUEST_TO_JOIN" => MemberRestriction.ApprovalRequired,
        "INVITED_CAN_JOIN" => MemberRestriction.Closed,
        _ => null,
    };

    /// <summary>Hidden from the address lists when Google keeps the group out of the global address list.</summary>
    public static bool? Hidden(string? includeInGlobalAddressList) => includeInGlobalAddressList is null
        ? null
        : !string.Equals(includeInGlobalAddressList, "true", StringComparison.OrdinalIgnoreCase);
}

using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Output;

namespace MessagingProvider.Recipients;

/// <summary>Who may join or leave a group without asking (Exchange's MemberJoinRestriction/MemberDepartRestriction).</summary>
public enum MemberRestriction
{
    Open,
    Closed,
    ApprovalRequired,
}

/// <summary>
/// What a Set-MailEnabled* asks to change; a null property is left as it is. Group-only settings
/// (ManagedBy, the join and depart restrictions) are only offered by Set-MailEnabledGroup.
/// </summary>
public sealed class MailEnabledObjectSettings
{
    public string? DisplayName { get; set; }
    public string[]? ManagedBy { get; set; }
    public bool? HiddenFromAddressListsEnabled { get; set; }
    public MemberRestriction? MemberJoinRestriction { get; set; }
    public MemberRestriction? MemberDepartRestriction { get; set; }
    public bool? RequireSenderAuthenticationEnabled { get; set; }

    /// <summary>
    /// These settings without those <paramref name="current"/> already has (so that piping
    /// Get-MailEnabled* output, whose DisplayName, ManagedBy and HiddenFromAddressListsEnabled bind
    /// by property name, sends only what differs). ManagedBy compares as a set, ignoring case.
    /// </summary>
    public MailEnabledObjectSettings Except(MailEnabledObjectInfo current) => new MailEnabledObjectSettings
    {
        DisplayName = DisplayName is not null && string.Equals(DisplayName, current.DisplayName, StringComparison.Ordinal) ? null : DisplayName,
        ManagedBy = ManagedBy is not null && SameSet(ManagedBy, current.ManagedBy) ? null : ManagedBy,
        HiddenFromAddressListsEnabled = HiddenFromAddressListsEnabled is not null && HiddenFromAddressListsEnabled == current.HiddenFromAddressListsEnabled ? null : HiddenFromAddressListsEnabled,
        MemberJoinRestriction = MemberJoinRestriction,
        MemberDepartRestriction = MemberDepartRestriction,
        RequireSenderAuthenticationEnabled = RequireSenderAuthenticationEnabled,
    };

    private static bool SameSet(IEnumerable<string> a, IEnumerable<string> b) =>
        new HashSet<string>(a, StringComparer.OrdinalIgnoreCase).SetEquals(b);

    /// <summary>The names of the settings given, in a stable order (what -WhatIf lists).</summary>
    public IReadOnlyList<string> Given()
    {
        var given = new List<string>();
        if (DisplayName is not null) given.Add(nameof(DisplayName));
        if (ManagedBy is not null) given.Add(nameof(ManagedBy));
        if (HiddenFromAddressListsEnabled is not null) given.Add(nameof(HiddenFromAddressListsEnabled));
        if (MemberJoinRestriction is not null) given.Add(nameof(MemberJoinRestriction));
        if (MemberDepartRestriction is not null) given.Add(nameof(MemberDepartRestriction));
        if (RequireSenderAuthenticationEnabled is not null) given.Add(nameof(RequireSenderAuthenticationEnabled));
        return given;
    }
}

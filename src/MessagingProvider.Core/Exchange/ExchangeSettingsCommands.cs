using System;
using System.Linq;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Recipients;

namespace MessagingProvider.Exchange;

/// <summary>The Exchange Set- cmdlet that applies <see cref="MailEnabledObjectSettings"/> to a recipient of a given type (on premises and Exchange Online alike).</summary>
public static class ExchangeSettingsCommands
{
    /// <param name="recipientTypeDetails">What the read before found (UserMailbox, MailUser…).</param>
    public static ExchangeCommand For(MailEnabledObjectKind kind, string? recipientTypeDetails, string identity, MailEnabledObjectSettings settings)
    {
        string type = recipientTypeDetails ?? "";
        string noun = kind switch
        {
            MailEnabledObjectKind.Group => "DistributionGroup",
            MailEnabledObjectKind.Contact => "MailContact",
            _ when type.StartsWith("Remote", StringComparison.OrdinalIgnoreCase) => "RemoteMailbox",
            _ when type.EndsWith("Mailbox", StringComparison.OrdinalIgnoreCase) => "Mailbox",
            _ => "MailUser",
        };
        var command = new ExchangeCommand("Set-" + noun).With("Identity", identity);
        if (settings.DisplayName is not null) command.With("DisplayName", settings.DisplayName);
        if (settings.ManagedBy is not null) command.With("ManagedBy", settings.ManagedBy.ToArray());
        if (settings.HiddenFromAddressListsEnabled is bool hidden) command.With("HiddenFromAddressListsEnabled", hidden);
        if (settings.MemberJoinRestriction is MemberRestriction join) command.With("MemberJoinRestriction", join.ToString());
        if (settings.MemberDepartRestriction is MemberRestriction depart) command.With("MemberDepartRestriction", depart.ToString());
        if (settings.RequireSenderAuthenticationEnabled is bool auth) command.With("RequireSenderAuthenticationEnabled", auth);
        return command;
    }
}

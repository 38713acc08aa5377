using System.Linq;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.Output;
using MessagingProvider.Recipients;
using Xunit;

namespace MessagingProvider.Core.Tests.Recipients;

/// <summary>What a Set-MailEnabled* sends: the settings that differ, the Exchange cmdlet by type, and what Google refuses.</summary>
public sealed class MailEnabledObjectSettingsTests
{
    private static readonly MailEnabledObjectInfo Sales = new MailEnabledObjectInfo
    {
        DisplayName = "Sales", ManagedBy = new[] { "Alice", "bob" }, HiddenFromAddressListsEnabled = false,
    };

    [Fact]
    public void Except_drops_what_the_object_already_has_and_keeps_what_differs()
    {
        var asked = new MailEnabledObjectSettings
        {
            DisplayName = "Sales", ManagedBy = new[] { "BOB", "alice" }, HiddenFromAddressListsEnabled = true,
            MemberJoinRestriction = MemberRestriction.Open, RequireSenderAuthenticationEnabled = false,
        };

        MailEnabledObjectSettings sent = asked.Except(Sales);

        Assert.Equal(new[] { "HiddenFromAddressListsEnabled", "MemberJoinRestriction", "RequireSenderAuthenticationEnabled" }, sent.Given());
        Assert.True(sent.HiddenFromAddressListsEnabled);
    }

    [Fact]
    public void Except_keeps_a_changed_owner_list_and_a_case_change_of_the_name()
    {
        MailEnabledObjectSettings sent = new MailEnabledObjectSettings { DisplayName = "SALES", ManagedBy = new[] { "alice" } }.Except(Sales);
        Assert.Equal(new[] { "DisplayName", "ManagedBy" }, sent.Given());
    }

    [Theory]
    [InlineData(MailEnabledObjectKind.Group, "MailUniversalSecurityGroup", "Set-DistributionGroup")]
    [InlineData(MailEnabledObjectKind.User, "UserMailbox", "Set-Mailbox")]
    [InlineData(MailEnabledObjectKind.User, "RemoteUserMailbox", "Set-RemoteMailbox")]
    [InlineData(MailEnabledObjectKind.User, "MailUser", "Set-MailUser")]
    [InlineData(MailEnabledObjectKind.Contact, "MailContact", "Set-MailContact")]
    public void The_Exchange_cmdlet_follows_the_recipient_type(MailEnabledObjectKind kind, string type, string cmdlet) =>
        Assert.Equal(cmdlet, ExchangeSettingsCommands.For(kind, type, "x", new MailEnabledObjectSettings()).Name);

    [Fact]
    public void The_Exchange_command_carries_only_the_given_settings()
    {
        var command = ExchangeSettingsCommands.For(MailEnabledObjectKind.Group, "MailUniversalDistributionGroup", "Sales",
            new MailEnabledObjectSettings { HiddenFromAddressListsEnabled = false, MemberDepartRestriction = MemberRestriction.ApprovalRequired });

        Assert.Equal(new[] { "Identity", "HiddenFromAddressListsEnabled", "MemberDepartRestriction" }, command.Parameters.Select(p => p.Key));
        Assert.Equal(false, command["HiddenFromAddressListsEnabled"]);
        Assert.Equal("ApprovalRequired", command["MemberDepartRestriction"]);
    }

    [Fact]
    public void Google_takes_a_group_name_and_the_Groups_Settings_and_refuses_owners_and_the_depart_restriction()
    {
        GoogleSettingsMap.Require("G", MailEnabledObjectKind.Group, "sales@contoso.com", new MailEnabledObjectSettings
        {
            DisplayName = "Sales team", HiddenFromAddressListsEnabled = true, RequireSenderAuthenticationEnabled = true, MemberJoinRestriction = MemberRestriction.Closed,
        });

        var e = Assert.Throws<MessagingProviderException>(() => GoogleSettingsMap.Require("G", MailEnabledObjectKind.Group, "sales@contoso.com",
            new MailEnabledObjectSettings { DisplayName = "Sales team", ManagedBy = new[] { "alice@contoso.com" }, MemberDepartRestriction = MemberRestriction.Open, HiddenFromAddressListsEnabled = true }));
        Assert.Equal(ErrorIds.SettingNotSupported, e.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, e.Kind);
        Assert.StartsWith("ManagedBy, MemberDepartRestriction cannot be set", e.Message);
        Assert.DoesNotContain("DisplayName", e.Message);
        Assert.DoesNotContain("HiddenFromAddressListsEnabled", e.Message);
    }

    [Fact]
    public void Google_refuses_any_setting_of_a_user()
    {
        var e = Assert.Throws<MessagingProviderException>(() => GoogleSettingsMap.Require("G", MailEnabledObjectKind.User, "jdoe@contoso.com",
            new MailEnabledObjectSettings { DisplayName = "John Doe" }));
        Assert.Equal(ErrorIds.SettingNotSupported, e.ErrorId);
    }
}

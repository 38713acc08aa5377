using System.Collections.Generic;
using System.Linq;
using System.Net;
using Google.Apis.Auth.OAuth2.Responses;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.ExchangeOnline;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.GoogleWorkspace;
using MessagingProvider.GoogleWorkspace.GroupsSettings;
using MessagingProvider.Recipients;
using Xunit;

namespace MessagingProvider.Core.Tests.Recipients;

/// <summary>
/// -Type, -ManagedBy and -HiddenFromAddressListsEnabled of New-/Enable-MailEnabled*: which Exchange
/// cmdlet carries them, what is left for the Set- after, and their Groups Settings API fields.
/// </summary>
public sealed class CreateParametersTests
{
    private static MailEnabledObjectRequest Group(MailEnabledObjectMode mode) => new MailEnabledObjectRequest
    {
        Kind = MailEnabledObjectKind.Group, Mode = mode, Identity = "Auditors", ManagedBy = new[] { "alice", "bob" }, HiddenFromAddressListsEnabled = true,
    };

    [Fact]
    public void New_DistributionGroup_carries_the_type_and_owners_and_leaves_the_address_list_flag_for_the_Set()
    {
        MailEnabledObjectRequest request = Group(MailEnabledObjectMode.New);
        request.GroupType = GroupType.Security;

        ExchangeCommand create = ExchangeRecipientCommands.For(request, "auditors", new ExchangeSettings());
        MailEnabledObjectSettings? after = ExchangeFollowUp.Settings(request, create);

        Assert.Equal("New-DistributionGroup", create.Name);
        Assert.Equal("Security", create["Type"]);
        Assert.Equal(new[] { "alice", "bob" }, (string[])create["ManagedBy"]!);
        Assert.Null(create["HiddenFromAddressListsEnabled"]);
        Assert.NotNull(after);
        Assert.Equal(new[] { "HiddenFromAddressListsEnabled" }, after!.Given());
        Assert.Equal("Set-DistributionGroup", ExchangeSettingsCommands.For(MailEnabledObjectKind.Group, "MailUniversalSecurityGroup", "Auditors", after).Name);
    }

    [Fact]
    public void Enable_DistributionGroup_leaves_the_owners_and_the_flag_for_the_Set()
    {
        MailEnabledObjectRequest request = Group(MailEnabledObjectMode.Enable);

        ExchangeCommand create = ExchangeRecipientCommands.For(request, "auditors", new ExchangeSettings());

        Assert.Equal("Enable-DistributionGroup", create.Name);
        Assert.Null(create["ManagedBy"]);
        Assert.Equal(new[] { "ManagedBy", "HiddenFromAddressListsEnabled" }, ExchangeFollowUp.Settings(request, create)!.Given());
        Assert.StartsWith(", then Set-DistributionGroup -ManagedBy, -HiddenFromAddressListsEnabled", ExchangeFollowUp.Describe(request, create));
    }

    [Fact]
    public void No_Set_follows_a_create_that_carries_everything()
    {
        var request = new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Mode = MailEnabledObjectMode.New, Identity = "Auditors", ManagedBy = new[] { "alice" } };
        ExchangeCommand create = ExchangeRecipientCommands.For(request, "auditors", new ExchangeSettings());

        Assert.Null(ExchangeFollowUp.Settings(request, create));
        Assert.Equal("", ExchangeFollowUp.Describe(request, create));
    }

    [Fact]
    public void Enable_DistributionGroup_refuses_a_type_before_anything_is_sent()
    {
        MailEnabledObjectRequest request = Group(MailEnabledObjectMode.Enable);
        request.GroupType = GroupType.Distribution;

        var e = Assert.Throws<MessagingProviderException>(() => ExchangeRecipientCommands.For(request, "auditors", new ExchangeSettings()));

        Assert.Equal(ErrorIds.GroupTypeNotSupported, e.ErrorId);
        Assert.Equal(ErrorKind.NotSupported, e.Kind);
    }

    [Fact]
    public void Exchange_Online_creates_with_type_and_owners_even_when_mail_enabling()
    {
        MailEnabledObjectRequest request = Group(MailEnabledObjectMode.Enable);
        request.Identity = "CN=Auditors,OU=Groups,DC=contoso,DC=com";
        request.GroupType = GroupType.Security;

        ExchangeCommand create = new ExchangeOnlineRecipientCommands("Cloud", new Office365Settings { Domain = "contoso.com" }).For(request, "auditors");

        Assert.Equal("New-DistributionGroup", create.Name);
        Assert.Equal("Security", create["Type"]);
        Assert.NotNull(create["ManagedBy"]);
        Assert.Equal(new[] { "HiddenFromAddressListsEnabled" }, ExchangeFollowUp.Settings(request, create)!.Given());
    }

    [Theory]
    [InlineData(MemberRestriction.Open, "ALL_IN_DOMAIN_CAN_JOIN")]
    [InlineData(MemberRestriction.ApprovalRequired, "CAN_REQUEST_TO_JOIN")]
    [InlineData(MemberRestriction.Closed, "INVITED_CAN_JOIN")]
    public void The_join_restriction_is_whoCanJoin_and_reads_back(MemberRestriction restriction, string whoCanJoin)
    {
        IReadOnlyDictionary<string, string> fields = GoogleGroupsSettingsMap.Changes(new MailEnabledObjectSettings { MemberJoinRestriction = restriction });

        Assert.Equal(new[] { "whoCanJoin" }, fields.Keys);
        Assert.Equal(whoCanJoin, fields["whoCanJoin"]);
        Assert.Equal(restriction, GoogleGroupsSettingsMap.JoinRestriction(whoCanJoin));
    }

    [Theory]
    [InlineData(true, "ALL_IN_DOMAIN_CAN_POST", "false")]
    [InlineData(false, "ANYONE_CAN_POST", "true")]
    public void Sender_authentication_is_whoCanPostMessage_and_hidden_is_includeInGlobalAddressList_as_a_string(bool flag, string whoCanPost, string include)
    {
        IReadOnlyDictionary<string, string> fields = GoogleGroupsSettingsMap.Changes(new MailEnabledObjectSettings
        {
            RequireSenderAuthenticationEnabled = flag, HiddenFromAddressListsEnabled = flag, DisplayName = "not a Groups Settings field",
        });

        Assert.Equal(new[] { "whoCanPostMessage", "includeInGlobalAddressList" }, fields.Keys);
        Assert.Equal(whoCanPost, fields["whoCanPostMessage"]);
        Assert.Equal(include, fields["includeInGlobalAddressList"]);
        Assert.Equal(flag, GoogleGroupsSettingsMap.Hidden(include));
    }

    [Fact]
    public void Google_creates_distribution_groups_without_owners_only()
    {
        var request = new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.Group, Identity = "Auditors", GroupType = GroupType.Distribution, HiddenFromAddressListsEnabled = true };
        GoogleSettingsMap.RequireCreate("G", request);

        request.GroupType = GroupType.Security;
        request.ManagedBy = new[] { "alice@contoso.com" };
        var e = Assert.Throws<MessagingProviderException>(() => GoogleSettingsMap.RequireCreate("G", request));

        Assert.Equal(ErrorIds.SettingNotSupported, e.ErrorId);
        Assert.Contains("-Type Security", e.Message);
        Assert.Contains("-ManagedBy", e.Message);
    }

    [Theory]
    [InlineData("unauthorized_client")]
    [InlineData("access_denied")]
    public void A_refused_scope_names_the_scope_and_the_delegation(string code)
    {
        var settings = new GoogleWorkspaceSettings { ServiceAccount = "mp@p.iam.gserviceaccount.com", AdminUser = "admin@contoso.com" };
        var refused = new TokenResponseException(new TokenErrorResponse { Error = code, ErrorDescription = "Client is unauthorized" }, HttpStatusCode.Unauthorized);

        MessagingProviderException e = GroupsSettingsErrors.FromToken(refused, settings);

        Assert.Equal(ErrorIds.GroupsSettingsScopeNotGranted, e.ErrorId);
        Assert.Equal(ErrorKind.PermissionDenied, e.Kind);
        Assert.Contains(GoogleEndpoints.GroupsSettingsScope, e.Message);
        Assert.Contains("Manage domain-wide delegation", e.Message);
    }

    [Fact]
    public void Another_token_error_stays_the_sign_in_error()
    {
        var settings = new GoogleWorkspaceSettings { ServiceAccount = "mp@p.iam.gserviceaccount.com", AdminUser = "nobody@contoso.com" };
        var refused = new TokenResponseException(new TokenErrorResponse { Error = "invalid_grant", ErrorDescription = "Invalid email or User ID" }, HttpStatusCode.BadRequest);

        Assert.Equal(ErrorIds.GoogleAdminUserInvalid, GroupsSettingsErrors.FromToken(refused, settings).ErrorId);
    }

    [Theory]
    [InlineData(403, "insufficientPermissions", "GroupsSettingsScopeNotGranted", ErrorKind.PermissionDenied)]
    [InlineData(403, "forbidden", "GroupsSettingsRequestFailed", ErrorKind.PermissionDenied)]
    [InlineData(404, "notFound", "GroupsSettingsRequestFailed", ErrorKind.NotFound)]
    [InlineData(400, "invalid", "GroupsSettingsRequestFailed", ErrorKind.InvalidArgument)]
    public void Api_refusals_keep_Googles_reason(int status, string reason, string errorId, ErrorKind kind)
    {
        string body = "{\"error\":{\"code\":" + status + ",\"message\":\"m\",\"errors\":[{\"reason\":\"" + reason + "\"}]}}";

        MessagingProviderException e = GroupsSettingsErrors.FromResponse(status, body, "Change whoCanJoin of group g@contoso.com", "g@contoso.com", new GoogleWorkspaceSettings());

        Assert.Equal(errorId, e.ErrorId);
        Assert.Equal(kind, e.Kind);
    }
}

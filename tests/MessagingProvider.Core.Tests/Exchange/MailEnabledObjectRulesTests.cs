using System.Security;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Recipients;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

public sealed class MailEnabledObjectRulesTests
{
    [Theory]
    [InlineData(MailEnabledObjectKind.Group, "CN=Sales Team,OU=Groups,DC=contoso,DC=com", null, null, null, null, "SalesTeam")]
    [InlineData(MailEnabledObjectKind.Group, "x", "SalesEMEA", null, null, "Sales EMEA", "SalesEMEA")]
    [InlineData(MailEnabledObjectKind.Group, "x", null, "Ann", "Smith", "Group Name", "GroupName")]
    [InlineData(MailEnabledObjectKind.User, "x", null, "Ann", "Smith", "Ann Smith", "Ann.Smith")]
    [InlineData(MailEnabledObjectKind.User, "x", "asmith", "Ann", "Smith", null, "asmith")]
    [InlineData(MailEnabledObjectKind.User, "x", null, "Zoë", "Brontë-Lévy", null, "Zoe.Bronte-Levy")]
    [InlineData(MailEnabledObjectKind.Contact, "CN=Lee\\, Pat,OU=Contacts,DC=contoso,DC=com", null, null, null, null, "LeePat")]
    [InlineData(MailEnabledObjectKind.Contact, "x", null, null, null, ".. O'Neil (ext) ..", "O'Neilext")]
    public void AliasIsGeneratedFromTheNames(MailEnabledObjectKind kind, string identity, string? sam, string? given, string? surname, string? name, string expected)
    {
        var request = new MailEnabledObjectRequest { Kind = kind, Identity = identity, SamAccountName = sam, GivenName = given, Surname = surname, Name = name };
        Assert.Equal(expected, AliasGenerator.From(request));
    }

    [Theory]
    [InlineData("UserMailbox", "Set-Mailbox")]
    [InlineData("SharedMailbox", "Set-Mailbox")]
    [InlineData("RemoteUserMailbox", "Set-RemoteMailbox")]
    [InlineData("MailUser", "Set-MailUser")]
    [InlineData("MailContact", "Set-MailContact")]
    [InlineData("MailUniversalDistributionGroup", "Set-DistributionGroup")]
    [InlineData("MailUniversalSecurityGroup", "Set-DistributionGroup")]
    [InlineData("DynamicDistributionGroup", "Set-DynamicDistributionGroup")]
    public void RecipientTypeChoosesTheSetCmdlet(string type, string expected) =>
        Assert.Equal(expected, ExchangeRecipientCommands.SetCommandFor(type, "x"));

    [Theory]
    [InlineData(ExchangeAuthentication.Negotiate, ExchangeCreateMethod.New, MailEnabledObjectMode.New, true)]
    [InlineData(ExchangeAuthentication.CredSSP, ExchangeCreateMethod.New, MailEnabledObjectMode.New, true)]
    [InlineData(ExchangeAuthentication.Kerberos, ExchangeCreateMethod.New, MailEnabledObjectMode.New, false)]
    [InlineData(ExchangeAuthentication.Basic, ExchangeCreateMethod.New, MailEnabledObjectMode.New, false)]
    [InlineData(ExchangeAuthentication.Default, ExchangeCreateMethod.New, MailEnabledObjectMode.New, false)]
    [InlineData(ExchangeAuthentication.Negotiate, ExchangeCreateMethod.Enable, MailEnabledObjectMode.New, false)]
    [InlineData(ExchangeAuthentication.Negotiate, ExchangeCreateMethod.New, MailEnabledObjectMode.Enable, false)]
    public void PasswordOnlyOnCreationWithNegotiateOrCredSsp(ExchangeAuthentication authentication, ExchangeCreateMethod method, MailEnabledObjectMode mode, bool allowed)
    {
        var document = new IdentityStoreDocument
        {
            Name = "Contoso",
            Messaging = new MessagingProviderSettings
            {
                Provider = MessagingProviderType.Exchange,
                Exchange = new ExchangeSettings { Authentication = authentication, CreateMethod = method },
            },
        };
        using var password = new SecureString();
        password.AppendChar('x');
        var request = new MailEnabledObjectRequest { Kind = MailEnabledObjectKind.User, Mode = mode, Identity = "Ann Smith", Password = password };

        if (allowed)
        {
            MailEnabledObjectRules.RequirePasswordAllowed(document, request);
        }
        else
        {
            var error = Assert.Throws<MessagingProviderException>(() => MailEnabledObjectRules.RequirePasswordAllowed(document, request));
            Assert.Equal(ErrorIds.PasswordNotAllowed, error.ErrorId);
        }
    }
}

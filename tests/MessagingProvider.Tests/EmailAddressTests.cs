using System.Linq;
using System.Management.Automation;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>Set-RecipientEmailAddress against stand-in Exchange servers, and the pure Merge-EmailAddress.</summary>
public sealed class EmailAddressTests
{
    [Fact]
    public void SetRecipientEmailAddressKeepsNonSmtpAndExcludedAddressesAndPutsThePrimaryLast()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");
        lab.Directory.SeedRecipient("asmith", "UserMailbox",
            "X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith", "smtp:asmith@contoso.mail.onmicrosoft.com", "smtp:old@contoso.com", "SMTP:asmith@contoso.com", "SIP:asmith@contoso.com");

        RunResult run = session.Run("Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress ann.smith@contoso.com, asmith@contoso.com -PrimarySmtpAddress ann.smith@contoso.com");

        PSObject update = run.Single();
        string[] expected =
        {
            "X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=asmith", "smtp:asmith@contoso.mail.onmicrosoft.com", "SIP:asmith@contoso.com",
            "smtp:asmith@contoso.com", "SMTP:ann.smith@contoso.com",
        };
        Assert.Equal(expected, (string[])update.Properties["EmailAddresses"].Value);
        Assert.Equal(expected, lab.Directory.EmailAddressesOf("asmith"));
        Assert.Equal(new[] { "old@contoso.com" }, (string[])update.Properties["Removed"].Value);
        Assert.Equal("ExchA", update.Properties["Server"].Value);
        Assert.Equal(("ExchA", "Set-Mailbox", "asmith"), lab.Journal().Single());
    }

    [Fact]
    public void WhatIfAndUnchangedAddressesSendNoChange()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");
        lab.Directory.SeedRecipient("Sales", "MailUniversalDistributionGroup", "SMTP:sales@contoso.com");

        session.Run("Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com, team@contoso.com -WhatIf").ThrowIfErrors();
        PSObject same = session.Run("Set-RecipientEmailAddress -IdentityStore Contoso -Identity Sales -EmailAddress sales@contoso.com").Single();

        Assert.False((bool)same.Properties["Changed"].Value);
        Assert.Empty(lab.Journal());
        Assert.Equal(new[] { "SMTP:sales@contoso.com" }, lab.Directory.EmailAddressesOf("Sales"));
    }

    [Fact]
    public void DesiredAddressInAnExcludedDomainIsRefusedBeforeAnyConnection()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");

        RunResult run = session.Run("Set-RecipientEmailAddress -IdentityStore Contoso -Identity asmith -EmailAddress asmith@contoso.mail.onmicrosoft.com -Verbose");

        ErrorRecord error = run.SingleError();
        Assert.Equal("ExcludedDomainAddress,MessagingProvider.Commands.SetRecipientEmailAddressCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.DoesNotContain(run.Verbose, v => v.StartsWith("Exchange server", System.StringComparison.Ordinal));
    }

    [Fact]
    public void MergeEmailAddressComputesTheCollectionFromPipedRecipients()
    {
        using var session = new ModuleSession();

        RunResult run = session.Run(
            "[pscustomobject]@{ Identity = 'asmith'; EmailAddresses = @('X500:/o=A/cn=asmith', 'smtp:asmith@legacy.local', 'SMTP:old@contoso.com') } | " +
            "Merge-EmailAddress -EmailAddress 'smtp:a@contoso.com', 'SMTP:ann@contoso.com' -ExcludedSmtpDomain legacy.local");

        PSObject update = run.Single();
        Assert.Equal("MessagingProvider.Output.EmailAddressUpdate", update.TypeNames[0]);
        Assert.Equal("asmith", update.Properties["Identity"].Value);
        Assert.Equal(new[] { "X500:/o=A/cn=asmith", "smtp:asmith@legacy.local", "smtp:a@contoso.com", "SMTP:ann@contoso.com" }, (string[])update.Properties["EmailAddresses"].Value);

        RunResult bad = session.Run("Merge-EmailAddress -EmailAddress 'not-an-address'");
        Assert.Equal("InvalidEmailAddresses,MessagingProvider.Commands.MergeEmailAddressCommand", bad.SingleError().FullyQualifiedErrorId);
    }
}

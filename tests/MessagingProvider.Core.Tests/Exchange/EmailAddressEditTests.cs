using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Addresses;
using MessagingProvider.Output;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

public sealed class EmailAddressEditTests
{
    private static readonly string[] Current = { "X500:/o=Contoso/cn=asmith", "smtp:a.smith@contoso.com", "smtp:asmith@contoso.mail.onmicrosoft.com", "SMTP:asmith@contoso.com" };

    [Fact]
    public void AddAndRemoveChangeOnlyThoseAddresses()
    {
        EmailAddressUpdate update = EmailAddressEdit.Compute(Current, new[] { "ann@contoso.com" }, new[] { "smtp:a.smith@contoso.com" }, null, new[] { "contoso.mail.onmicrosoft.com" });

        Assert.Equal(new[] { "X500:/o=Contoso/cn=asmith", "smtp:asmith@contoso.mail.onmicrosoft.com", "smtp:ann@contoso.com", "SMTP:asmith@contoso.com" }, update.EmailAddresses);
        Assert.Equal(new[] { "a.smith@contoso.com" }, update.Removed);
        Assert.True(update.Changed);
        Assert.Equal(new[] { "ann@contoso.com" }, EmailAddressEdit.NewAddresses(Current, update));
    }

    [Fact]
    public void AnAddedAddressMarkedSmtpBecomesThePrimaryAndTheOldOneStays()
    {
        EmailAddressUpdate update = EmailAddressEdit.Compute(Current, new[] { "SMTP:ann@contoso.com" }, new string[0], null, null);

        Assert.Equal("ann@contoso.com", update.PrimarySmtpAddress);
        Assert.Contains("smtp:asmith@contoso.com", update.EmailAddresses);
        Assert.Equal("SMTP:ann@contoso.com", update.EmailAddresses[update.EmailAddresses.Length - 1]);
    }

    [Fact]
    public void ANonSmtpEntryIsRemovedWhole()
    {
        EmailAddressUpdate update = EmailAddressEdit.Compute(Current, new string[0], new[] { "x500:/o=Contoso/cn=asmith" }, null, null);

        Assert.DoesNotContain("X500:/o=Contoso/cn=asmith", update.EmailAddresses);
        Assert.Contains("X500:/o=Contoso/cn=asmith", update.Removed);
    }

    [Fact]
    public void RemovingThePrimaryNeedsANewOne()
    {
        var error = Assert.Throws<MessagingProviderException>(() => EmailAddressEdit.Compute(Current, new string[0], new[] { "asmith@contoso.com" }, null, null));
        Assert.Equal(ErrorIds.InvalidEmailAddresses, error.ErrorId);

        EmailAddressUpdate update = EmailAddressEdit.Compute(Current, new string[0], new[] { "asmith@contoso.com" }, "a.smith@contoso.com", null);
        Assert.Equal("SMTP:a.smith@contoso.com", update.EmailAddresses[update.EmailAddresses.Length - 1]);
        Assert.DoesNotContain(update.EmailAddresses, e => e.EndsWith("asmith@contoso.com", System.StringComparison.Ordinal) && !e.Contains("mail.onmicrosoft"));
    }

    [Fact]
    public void AnAddressAlreadyThereIsNoChange()
    {
        EmailAddressUpdate update = EmailAddressEdit.Compute(new[] { "smtp:b@contoso.com", "SMTP:a@contoso.com" }, new[] { "B@contoso.com" }, new string[0], null, null);
        Assert.False(update.Changed);
    }
}

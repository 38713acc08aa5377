using MessagingProvider.Errors;
using MessagingProvider.Notifications;

namespace MessagingProvider.Core.Tests.Notifications;

public sealed class RecipientAddressesTests
{
    [Fact]
    public void SemicolonStringsAndArraysGiveBareAddressesWithoutDuplicates()
    {
        var parsed = RecipientAddresses.Parse(new[] { "a@contoso.com; Help Desk <help@contoso.com>;", "A@Contoso.com", " b@contoso.com " }, "To");

        Assert.Equal(new[] { "a@contoso.com", "help@contoso.com", "b@contoso.com" }, parsed);
    }

    [Theory]
    [InlineData("no-at-sign")]
    [InlineData("user@")]
    [InlineData("user@nodot")]
    [InlineData("two@@contoso.com")]
    [InlineData("a@contoso.com, b@contoso.com")]
    public void InvalidAddressRejectsTheWholeInput(string bad)
    {
        var e = Assert.Throws<MessagingProviderException>(() => RecipientAddresses.Parse(new[] { "ok@contoso.com", bad }, "Cc"));

        Assert.Equal(ErrorIds.InvalidEmailAddress, e.ErrorId);
        Assert.Contains("-Cc", e.Message);
    }
}

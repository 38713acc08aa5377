using MessagingProvider.Errors;
using MessagingProvider.Recipients;
using MessagingProvider.Recipients.Addresses;
using Xunit;

namespace MessagingProvider.Core.Tests.Recipients;

public sealed class AcceptedDomainsTests
{
    [Theory]
    [InlineData("contoso.com", true)]
    [InlineData("CONTOSO.COM", true)]
    [InlineData("eu.contoso.com", false)]
    [InlineData("fabrikam.com", true)]
    [InlineData("eu.fabrikam.com", true)]
    [InlineData("a.b.fabrikam.com", true)]
    [InlineData("notfabrikam.com", false)]
    [InlineData("tailspin.com", false)]
    public void ExactDomainsAndWildcardSubdomainsAreAccepted(string domain, bool accepted) =>
        Assert.Equal(accepted, AcceptedDomains.Accepts(new[] { "contoso.com", "*.fabrikam.com" }, domain));

    [Fact]
    public void TheDomainIsWhatFollowsTheLastAt()
    {
        Assert.Equal("contoso.com", AcceptedDomains.DomainOf("\"a@b\"@contoso.com"));
        Assert.Equal("", AcceptedDomains.DomainOf("nobody"));
    }

    [Fact]
    public void APlannedAddressIsThePrimaryGivenElseAliasAtDomain()
    {
        Assert.Equal("sales@eu.contoso.com", AddressChecker.Planned(" sales@eu.contoso.com ", "sales", "contoso.com"));
        Assert.Equal("sales@contoso.com", AddressChecker.Planned(null, "sales", "contoso.com"));
    }

    [Theory]
    [InlineData("1000", 1000)]
    [InlineData("1", 1)]
    [InlineData("unlimited", null)]
    public void ResultSizeIsANumberOrUnlimited(string text, int? size) => Assert.Equal(size, MailEnabledObjectQuery.ParseResultSize(text));

    [Theory]
    [InlineData("0")]
    [InlineData("-5")]
    [InlineData("lots")]
    public void OtherResultSizesAreRefused(string text)
    {
        var error = Assert.Throws<MessagingProvider.Errors.MessagingProviderException>(() => MailEnabledObjectQuery.ParseResultSize(text));
        Assert.Equal(ErrorIds.InvalidResultSize, error.ErrorId);
    }
}

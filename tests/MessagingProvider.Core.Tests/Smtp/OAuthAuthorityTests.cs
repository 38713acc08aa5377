using MessagingProvider.Smtp;

namespace MessagingProvider.Core.Tests.Smtp;

public sealed class OAuthAuthorityTests
{
    [Theory]
    [InlineData("https://login.microsoftonline.com/organizations/oauth2/v2.0/token", "https://login.microsoftonline.com/organizations/", true)]
    [InlineData("https://idp.contoso.com/tenant1/oauth2/v2.0/token", "https://idp.contoso.com/tenant1/v2.0", false)]
    public void AuthorityIsDerivedFromTheTokenEndpoint(string endpoint, string authority, bool entra)
    {
        Assert.True(OAuthAuthority.TryParse(endpoint, out var parsed, out bool isEntra, out _));
        Assert.Equal(authority, parsed.ToString());
        Assert.Equal(entra, isEntra);
    }

    [Theory]
    [InlineData("http://login.microsoftonline.com/x/oauth2/v2.0/token")]
    [InlineData("https://graph.microsoft.com/v1.0")]
    [InlineData("not a url")]
    public void UnusableEndpointsAreRefused(string endpoint)
    {
        Assert.False(OAuthAuthority.TryParse(endpoint, out _, out _, out string? problem));
        Assert.NotNull(problem);
    }
}

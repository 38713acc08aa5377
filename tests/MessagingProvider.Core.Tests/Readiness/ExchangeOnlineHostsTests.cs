using MessagingProvider.Cloud;
using MessagingProvider.Configuration;

namespace MessagingProvider.Core.Tests.Readiness;

public sealed class ExchangeOnlineHostsTests
{
    [Theory]
    [InlineData("smtp.office365.com", CloudEnvironment.Global)]
    [InlineData("SMTP.Office365.com.", CloudEnvironment.Global)]
    [InlineData("smtp.office365.us", CloudEnvironment.USGovGCCHigh)]
    [InlineData("outlook-dod.office365.us", CloudEnvironment.USGovDoD)]
    [InlineData("smtp.partner.outlook.cn", CloudEnvironment.China)]
    public void SmtpHostsOfEveryCloudAreRecognised(string host, CloudEnvironment cloud) => Assert.Equal(cloud, ExchangeOnlineHosts.SmtpCloudOf(host));

    [Theory]
    [InlineData("mail.contoso.com")]
    [InlineData("smtp.office365.com.evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void OtherSmtpHostsAreNot(string? host) => Assert.Null(ExchangeOnlineHosts.SmtpCloudOf(host));

    [Theory]
    [InlineData("outlook.office365.com", CloudEnvironment.Global)]
    [InlineData("https://outlook.office365.com/EWS/Exchange.asmx", CloudEnvironment.Global)]
    [InlineData("outlook.office.com", CloudEnvironment.Global)]
    [InlineData("outlook.office365.us:443", CloudEnvironment.USGovGCCHigh)]
    [InlineData("partner.outlook.cn", CloudEnvironment.China)]
    public void EwsHostsOfEveryCloudAreRecognised(string address, CloudEnvironment cloud) => Assert.Equal(cloud, ExchangeOnlineHosts.EwsCloudOf(address));

    [Fact]
    public void OnlyTheDoDSmtpHostIsUnconfirmed()
    {
        Assert.True(ExchangeOnlineHosts.IsUnconfirmedSmtpHost("outlook-dod.office365.us"));
        Assert.False(ExchangeOnlineHosts.IsUnconfirmedSmtpHost("smtp.office365.us"));
        Assert.False(ExchangeOnlineHosts.IsUnconfirmedSmtpHost("smtp.office365.com"));
    }
}

using MessagingProvider.Errors;
using MessagingProvider.Smtp;

namespace MessagingProvider.Core.Tests.Smtp;

public sealed class SmtpPlatformReplyTests
{
    [Theory]
    [InlineData("535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.", ErrorIds.SmtpBasicAuthDisabled)]
    [InlineData("535-5.7.139 Authentication unsuccessful, the user credentials were incorrect.", ErrorIds.SmtpBasicAuthDisabled)]
    [InlineData("550 5.7.30 Basic authentication is not supported for Client Submission.", ErrorIds.SmtpBasicAuthNotSupported)]
    [InlineData("535 5.7.3 Authentication unsuccessful [SN4PR0201CA0011.namprd02.prod.outlook.com]", ErrorIds.SmtpSignInRefusedByTenant)]
    [InlineData("530 5.7.57 Client not authenticated to send mail.", ErrorIds.SmtpClientNotAuthenticated)]
    public void ExchangeOnlineRefusalsNameTheChange(string reply, string id)
    {
        SmtpStageException? e = SmtpPlatformReply.Translate(reply, SmtpStage.Auth, "smtp.office365.com:587", SmtpAuthentication.Basic, null);

        Assert.NotNull(e);
        Assert.Equal(id, e!.ErrorId);
        Assert.Equal(ErrorKind.AuthenticationError, e.Kind);
        Assert.Equal(reply, e.ServerReply);
        Assert.Contains(reply, e.Message);
        Assert.Contains("Set-SmtpServer -Authentication OAuth2", e.Message);
    }

    [Theory]
    [InlineData("535 5.7.8 Error: authentication failed")]
    [InlineData("535 5.7.31 Something else")]
    [InlineData("550 5.7.1 Relay access denied")]
    [InlineData("421 4.7.0 Try again later")]
    [InlineData("Authentication failed")]
    [InlineData(null)]
    public void OtherRepliesAreLeftToTheGenericErrors(string? reply)
    {
        Assert.Null(SmtpPlatformReply.Translate(reply, SmtpStage.Auth, "mail.contoso.com:587", SmtpAuthentication.Basic, null));
    }

    [Fact]
    public void TheOAuthRefusalTalksAboutTheTokenNotThePassword()
    {
        SmtpStageException e = SmtpPlatformReply.Translate("535 5.7.3 Authentication unsuccessful", SmtpStage.Auth, "smtp.office365.com:587", SmtpAuthentication.OAuth2, null)!;

        Assert.Contains("SMTP.SendAsApp", e.Message);
        Assert.DoesNotContain("wrong password", e.Message);
    }
}

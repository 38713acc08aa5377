using System.Net;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Security;
using MessagingProvider.Smtp;

namespace MessagingProvider.Core.Tests.Smtp;

public sealed class SmtpSettingsEditorTests : System.IDisposable
{
    private readonly string _dir = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "mp-editor-" + System.Guid.NewGuid().ToString("N"));
    private readonly SecretVault _vault;

    public SmtpSettingsEditorTests()
    {
        System.IO.Directory.CreateDirectory(_dir);
        _vault = new SecretVault(_dir);
    }

    public void Dispose() => System.IO.Directory.Delete(_dir, recursive: true);

    [Fact]
    public void FirstSetDefaultsThePortFromTheSecurityAndACredentialMeansBasic()
    {
        SmtpSettings settings = SmtpServerChanges.Apply(null, new SmtpServerChange
        {
            Server = "smtp.contoso.com", From = "idm@contoso.com", Security = SmtpSecurity.SslOnConnect,
            UserName = "smtp-idm", Password = new NetworkCredential("", "p").SecurePassword,
        }, _vault);

        Assert.Equal(465, settings.Port);
        Assert.Equal(SmtpAuthentication.Basic, settings.Authentication);
        Assert.NotNull(settings.Password);
    }

    [Fact]
    public void ChangingTheModeDropsThePreviousSecrets()
    {
        SmtpSettings basic = SmtpServerChanges.Apply(null, new SmtpServerChange
        {
            Server = "smtp.contoso.com", From = "idm@contoso.com", Authentication = SmtpAuthentication.Basic,
            UserName = "smtp-idm", Password = new NetworkCredential("", "p").SecurePassword,
        }, _vault);

        SmtpSettings anonymous = SmtpServerChanges.Apply(basic, new SmtpServerChange { Authentication = SmtpAuthentication.Anonymous }, _vault);

        Assert.Null(anonymous.UserName);
        Assert.Null(anonymous.Password);
    }

    [Theory]
    [InlineData("bad host name!", null, "InvalidServerName")]
    [InlineData("smtp.contoso.com", "http://login.microsoftonline.com/x/oauth2/v2.0/token", "InvalidTokenEndpoint")]
    public void InvalidInputIsRefused(string server, string? tokenEndpoint, string errorId)
    {
        var e = Assert.Throws<MessagingProviderException>(() => SmtpServerChanges.Apply(null, new SmtpServerChange
        {
            Server = server, From = "idm@contoso.com", TokenEndpoint = tokenEndpoint,
        }, _vault));

        Assert.Equal(errorId, e.ErrorId);
    }
}

using System;
using System.IO;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Smtp;

[Collection(MailServerCollection.Name)]
public sealed class SmtpServerCommandTests
{
    private readonly MailServerFixture _server;

    public SmtpServerCommandTests(MailServerFixture server) => _server = server;

    private ModuleSession StoreWithBasicSmtp(string? password = null)
    {
        var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        session.Run("Set-SmtpServer -IdentityStore Contoso -Server $args[0] -Port $args[1] -From $args[2] -Security StartTls -Authentication Basic -Credential $args[3] -CertificateThumbprint $args[4]",
            _server.Host, _server.StartTlsPort, MailServerFixture.SenderUser,
            MailServerCollection.Credential(MailServerFixture.SenderUser, password ?? _server.SenderPassword), _server.Certificate.Thumbprint).ThrowIfErrors();
        return session;
    }

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    [Fact]
    public void SetStoresTheServerAndGetShowsItWithTheSecretMasked()
    {
        using ModuleSession session = StoreWithBasicSmtp();

        PSObject info = session.Run("Get-SmtpServer -IdentityStore Contoso").Single();

        Assert.Equal("MessagingProvider.Output.SmtpServerInfo", info.TypeNames[0]);
        Assert.Equal(_server.Host, Prop(info, "Server"));
        Assert.Equal(_server.StartTlsPort, Prop(info, "Port"));
        Assert.Equal("StartTls", Prop(info, "Security"));
        Assert.Equal("Basic", Prop(info, "Authentication"));
        Assert.Equal(MailServerFixture.SenderUser, Prop(info, "UserName"));
        Assert.Equal("********", Prop(info, "Password"));
        foreach (byte[] file in session.Snapshot().Values)
        {
            Assert.DoesNotContain(_server.SenderPassword, System.Text.Encoding.UTF8.GetString(file));
        }
    }

    [Fact]
    public void InvalidSettingsAreRejectedAndNothingIsStored()
    {
        using ModuleSession session = StoreWithBasicSmtp();
        var before = session.Snapshot();

        var bad = session.Run("Set-SmtpServer -IdentityStore Contoso -From 'not an address'");
        var incomplete = session.Run("Set-SmtpServer -IdentityStore Contoso -Authentication OAuth2 -ClientId abc");

        Assert.Equal("InvalidEmailAddress,MessagingProvider.Commands.SetSmtpServerCommand", bad.SingleError().FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, bad.SingleError().CategoryInfo.Category);
        Assert.Equal("SmtpSettingsIncomplete,MessagingProvider.Commands.SetSmtpServerCommand", incomplete.SingleError().FullyQualifiedErrorId);
        Assert.Contains("-TokenEndpoint", incomplete.SingleError().Exception.Message);
        var after = session.Snapshot();
        Assert.Equal(before.Keys.OrderBy(k => k), after.Keys.OrderBy(k => k));
        foreach (var pair in before) Assert.Equal(pair.Value, after[pair.Key]);
    }

    [Fact]
    public void GetWithoutSmtpServerSaysWhatToRun()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Fabrikam").ThrowIfErrors();

        ErrorRecord error = session.Run("Get-SmtpServer -IdentityStore Fabrikam").SingleError();

        Assert.Equal("SmtpServerNotConfigured,MessagingProvider.Commands.GetSmtpServerCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Set-SmtpServer", error.Exception.Message);
    }

    [Fact]
    public void TestOfTheStoredServerSendsARealTestMessageAndVerboseShowsTheDialogueWithoutTheSecret()
    {
        using ModuleSession session = StoreWithBasicSmtp();

        RunResult run = session.Run("Test-SmtpServer -IdentityStore Contoso -To 'frank@test.local; grace@test.local' -Verbose");
        PSObject result = run.Single();

        Assert.True((bool)Prop(result, "Succeeded")!, (string?)Prop(result, "Reason"));
        Assert.Equal("Contoso", Prop(result, "IdentityStore"));
        var stages = ((System.Collections.IEnumerable)Prop(result, "Stages")!).Cast<object>().Select(s => PSObject.AsPSObject(s)).ToList();
        Assert.Equal(new[] { "Dns", "Tcp", "Tls", "Ehlo", "Auth", "Send" }, stages.Select(s => (string)Prop(s, "Stage")!).ToArray());
        Assert.All(stages, s => Assert.Equal("Passed", Prop(s, "Outcome")!.ToString()));
        Assert.Contains(run.Verbose, v => v.StartsWith("SMTP C: AUTH PLAIN ********", StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.StartsWith("SMTP S: 250", StringComparison.Ordinal));
        string plain = Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes("\0" + MailServerFixture.SenderUser + "\0" + _server.SenderPassword));
        Assert.DoesNotContain(run.Verbose, v => v.Contains(_server.SenderPassword, StringComparison.Ordinal) || v.Contains(plain, StringComparison.Ordinal));

        string messageId = (string)Prop(result, "MessageId")!;
        foreach (string mailbox in new[] { "frank@test.local", "grace@test.local" })
        {
            var delivered = _server.Mail.WaitFor(mailbox, "MessagingProvider test message for Contoso").Where(m => m.MessageId == messageId).ToList();
            var message = Assert.Single(delivered);
            Assert.Equal(new[] { "frank@test.local", "grace@test.local" }, message.To.Mailboxes.Select(m => m.Address).ToArray());
        }
    }

    [Fact]
    public void AdHocImplicitTlsTestStoresNothing()
    {
        using var session = new ModuleSession();

        PSObject result = session.Run("Test-SmtpServer -Server $args[0] -Port $args[1] -Security SslOnConnect -Authentication Basic -Credential $args[2] -CertificateThumbprint $args[3]",
            _server.Host, _server.ImplicitTlsPort, MailServerCollection.Credential(MailServerFixture.SenderUser, _server.SenderPassword), _server.Certificate.Thumbprint).Single();

        Assert.True((bool)Prop(result, "Succeeded")!, (string?)Prop(result, "Reason"));
        Assert.Null(Prop(result, "IdentityStore"));
        Assert.StartsWith("Tls", (string)Prop(result, "TlsProtocol")!);
        Assert.Empty(session.Snapshot());
    }

    [Fact]
    public void RefusedPortReportsTheTcpStageAndAnErrorRecord()
    {
        using var session = new ModuleSession();

        RunResult run = session.Run("Test-SmtpServer -Server 127.0.0.1 -Port $args[0] -Security StartTls -Authentication Anonymous", FreePort.Next());

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Tcp", Prop(result, "FailedStage"));
        Assert.Contains("refused", (string)Prop(result, "Reason")!, StringComparison.OrdinalIgnoreCase);
        ErrorRecord error = run.SingleError();
        Assert.Equal("SmtpConnectionRefused,MessagingProvider.Commands.TestSmtpServerCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
    }

    [Fact]
    public void UntrustedCertificateFailsAndSkipCertificateCheckPassesWithAWarning()
    {
        using var session = new ModuleSession();
        var credential = MailServerCollection.Credential(MailServerFixture.SenderUser, _server.SenderPassword);
        const string script = "Test-SmtpServer -Server $args[0] -Port $args[1] -Security StartTls -Authentication Basic -Credential $args[2]";

        RunResult untrusted = session.Run(script, _server.Host, _server.StartTlsPort, credential);
        RunResult skipped = session.Run(script + " -SkipCertificateCheck", _server.Host, _server.StartTlsPort, credential);

        Assert.Equal("Tls", Prop(Assert.Single(untrusted.Output), "FailedStage"));
        Assert.Equal("SmtpCertificateInvalid,MessagingProvider.Commands.TestSmtpServerCommand", untrusted.SingleError().FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, untrusted.SingleError().CategoryInfo.Category);
        Assert.Empty(untrusted.Warnings);

        PSObject passed = skipped.Single();
        Assert.True((bool)Prop(passed, "Succeeded")!);
        Assert.True((bool)Prop(passed, "CertificateCheckSkipped")!);
        Assert.Contains(skipped.Warnings, w => w.Contains("-SkipCertificateCheck", StringComparison.Ordinal));
    }

    [Fact]
    public void WrongPasswordFailsAtAuthWith535()
    {
        using ModuleSession session = StoreWithBasicSmtp(password: "definitely-wrong");

        RunResult run = session.Run("Test-SmtpServer -IdentityStore Contoso -Verbose");

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Auth", Prop(result, "FailedStage"));
        Assert.Contains("535", (string)Prop(result, "Reason")!);
        Assert.Equal("SmtpAuthenticationFailed,MessagingProvider.Commands.TestSmtpServerCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, run.SingleError().CategoryInfo.Category);
        Assert.DoesNotContain(run.Verbose, v => v.Contains("definitely-wrong", StringComparison.Ordinal));
    }

    [Fact]
    public void RelayDeniedIsReportedAtTheSendStage()
    {
        using var session = new ModuleSession();

        RunResult run = session.Run("Test-SmtpServer -Server 127.0.0.1 -Port $args[0] -Security None -Authentication Anonymous -From someone@example.org -To outsider@example.org", _server.PlainPort);

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Send", Prop(result, "FailedStage"));
        Assert.Contains("Relay access denied", (string)Prop(result, "Reason")!);
        Assert.Equal("SmtpRecipientRejected,MessagingProvider.Commands.TestSmtpServerCommand", run.SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void OAuthSettingsGetARealTokenFromThePinnedTokenEndpoint()
    {
        using var session = new ModuleSession();
        session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        session.Run("Set-SmtpServer -IdentityStore Contoso -Server $args[0] -Port $args[1] -From $args[2] -Security StartTls -Authentication OAuth2 -TokenEndpoint $args[3] -ClientId $args[4] -ClientSecret $args[5] -Scope $args[6] -Credential $args[7] -CertificateThumbprint $args[8]",
            _server.Host, _server.StartTlsPort, "heidi@test.local", _server.TokenEndpoint.TokenEndpointFor("contoso"), OAuthTokenEndpoint.ClientId,
            new System.Net.NetworkCredential("", _server.TokenEndpoint.ClientSecret).SecurePassword, OAuthTokenEndpoint.Scope,
            MailServerCollection.Credential("heidi@test.local", MailServerFixture.MailboxPassword),
            new[] { _server.Certificate.Thumbprint, _server.TokenEndpoint.Certificate.Thumbprint }).ThrowIfErrors();

        PSObject info = session.Run("Get-SmtpServer -IdentityStore Contoso").Single();
        RunResult run = session.Run("Test-SmtpServer -IdentityStore Contoso -Verbose");

        Assert.Equal("********", Prop(info, "ClientSecret"));
        PSObject result = run.Single();
        Assert.True((bool)Prop(result, "Succeeded")!, (string?)Prop(result, "Reason"));
        Assert.Equal("XOAUTH2", Prop(result, "AuthMechanism"));
        Assert.DoesNotContain(run.Verbose, v => v.Contains(_server.TokenEndpoint.ClientSecret, StringComparison.Ordinal) || v.Contains("eyJ", StringComparison.Ordinal));
    }

    [Fact]
    public void WhatIfChangesNothing()
    {
        using ModuleSession session = StoreWithBasicSmtp();
        var before = session.Snapshot();

        session.Run("Set-SmtpServer -IdentityStore Contoso -Port 2525 -WhatIf").ThrowIfErrors();

        var after = session.Snapshot();
        foreach (var pair in before) Assert.Equal(pair.Value, after[pair.Key]);
        Assert.Equal(_server.StartTlsPort, Prop(session.Run("Get-SmtpServer -IdentityStore Contoso").Single(), "Port"));
    }

    [Fact]
    public void CurrentUserAuthenticationSaysWhyItCannotWorkHere()
    {
        using var session = new ModuleSession();

        RunResult run = session.Run("Test-SmtpServer -Server $args[0] -Port $args[1] -Security StartTls -Authentication CurrentUser -CertificateThumbprint $args[2]",
            _server.Host, _server.StartTlsPort, _server.Certificate.Thumbprint);

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Auth", Prop(result, "FailedStage"));
        Assert.Contains("GSSAPI", (string)Prop(result, "Reason")!);
        Assert.Equal("SmtpIntegratedAuthUnavailable,MessagingProvider.Commands.TestSmtpServerCommand", run.SingleError().FullyQualifiedErrorId);
    }
}

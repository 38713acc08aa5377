using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>
/// Test-MailAccount against the shared Postfix + Dovecot stack: its seeded logins 'anna' (mailbox-name
/// logins) and 'ben@contoso.test' (email-address logins), each with two unread messages and a Sent folder.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class TestMailAccountTests
{
    private readonly MailServerFixture _server;

    public TestMailAccountTests(MailServerFixture server) => _server = server;

    private string Thumbprint => _server.Certificate.Thumbprint;

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    /// <summary>A store with the server 'Test IMAP' (receive only) and the account anna@contoso.test (login 'anna').</summary>
    private ModuleSession WithAccount(string tls = "Tls", string? port = null, string password = "Anna-P@ss-1", string format = "MailboxName")
    {
        var session = new ModuleSession();
        port ??= (tls == "Tls" ? _server.ImapsPort : _server.ImapPort).ToString();
        session.Run(Scripts.Credential + $@"
            $null = New-IdentityStore -Name Contoso
            $null = New-MailServer -IdentityStore Contoso -Name 'Test IMAP' -ServiceType ImapSmtp -ServiceAddress 127.0.0.1 -Receive -LoginFormat {format} -ImapTls {tls} -ImapPort {port}
            Add-EmailProviderDomain -IdentityStore Contoso -Domain contoso.test -MailServer 'Test IMAP'
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -Password (secure '{password}')").ThrowIfErrors();
        return session;
    }

    private static string StageLine(PSObject result) =>
        string.Join(",", ((object[])Prop(result, "Stages")!).Select(s => PSObject.AsPSObject(s)).Select(s => $"{Prop(s, "Protocol")}/{Prop(s, "Stage")}:{Prop(s, "Status")}"));

    private static string Detail(PSObject result, string stage) =>
        (string)Prop(((object[])Prop(result, "Stages")!).Select(s => PSObject.AsPSObject(s)).Single(s => stage == (stage.Contains('/') ? $"{Prop(s, "Protocol")}/{Prop(s, "Stage")}" : Prop(s, "Stage")!.ToString())), "Detail")!;

    [Fact]
    public void ImapOverTlsLogsInListsFoldersAndCountsUnread()
    {
        using var session = WithAccount();
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $args[0] -Verbose", Thumbprint);
        PSObject result = run.Single();
        Assert.Equal("MessagingProvider.Output.MailAccountTestResult", result.TypeNames[0]);
        Assert.Equal(true, Prop(result, "Succeeded"));
        Assert.Equal("Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed", StageLine(result));
        Assert.Equal(new[] { "INBOX", "Sent" }, (string[])Prop(result, "Folders")!);
        Assert.Equal(2, Prop(result, "UnreadCount"));
        Assert.Equal("anna", Prop(result, "Login"));
        Assert.Contains(Thumbprint, Detail(result, "Tls"));
        Assert.Contains("Tls", Detail(result, "Tls"));
        Assert.Contains(run.Verbose, v => v.StartsWith("Imap Login: Passed", System.StringComparison.Ordinal));
        Assert.DoesNotContain(run.Verbose, v => v.Contains("Anna-P@ss-1"));
    }

    [Fact]
    public void StartTlsOnThePlainPortAndEmailAddressLoginsWork()
    {
        using var session = WithAccount(tls: "StartTls", format: "EmailAddress");
        session.Run(Scripts.Credential + "$null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Password (secure 'Ben-P@ss-1')").ThrowIfErrors();
        PSObject result = session.Run("Get-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test | Test-MailAccount -TrustedCertificateThumbprint $args[0]", Thumbprint).Single();
        Assert.Equal(true, Prop(result, "Succeeded"));
        Assert.Equal("ben@contoso.test", Prop(result, "Login"));
        Assert.Contains("StartTls", Detail(result, "Tls"));
        Assert.Equal(2, Prop(result, "UnreadCount"));
    }

    [Fact]
    public void TlsModeNoneSkipsTheTlsStageButStillLogsIn()
    {
        using var session = WithAccount(tls: "None");
        PSObject result = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test").Single();
        Assert.Equal(true, Prop(result, "Succeeded"));
        Assert.Equal("Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Skipped,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed", StageLine(result));
        Assert.Contains("not encrypted", Detail(result, "Tls"));
    }

    [Fact]
    public void AnUnpinnedSelfSignedCertificateFailsTheTlsStageAndSaysHowToTrustIt()
    {
        using var session = WithAccount();
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test");
        PSObject result = Assert.Single(run.Output);
        Assert.Equal(false, Prop(result, "Succeeded"));
        Assert.Equal("Imap/Tls", Prop(result, "FailedStage"));
        Assert.Equal("Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Failed,Imap/Login:Skipped,Imap/Folders:Skipped,Imap/Unread:Skipped", StageLine(result));
        ErrorRecord error = run.SingleError();
        Assert.Equal("MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.SecurityError, error.CategoryInfo.Category);
        Assert.Contains("-TrustedCertificateThumbprint " + Thumbprint, error.Exception.Message);

        PSObject otherPin = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint ('AB' * 20) -ErrorAction SilentlyContinue").Output.Single();
        Assert.Equal("Imap/Tls", Prop(otherPin, "FailedStage"));
    }

    [Fact]
    public void AWrongPasswordFailsTheLoginStage()
    {
        using var session = WithAccount(password: "wrong-password");
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $args[0]", Thumbprint);
        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Imap/Login", Prop(result, "FailedStage"));
        Assert.Equal("Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Failed,Imap/Folders:Skipped,Imap/Unread:Skipped", StageLine(result));
        Assert.Null(Prop(result, "UnreadCount"));
        ErrorRecord error = run.SingleError();
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("'anna'", error.Exception.Message);
    }

    [Fact]
    public void APortWhereNothingListensFailsTheTcpStage()
    {
        using var session = WithAccount(port: FreePort.Next().ToString());
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TimeoutSeconds 5");
        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Imap/Tcp", Prop(result, "FailedStage"));
        Assert.Equal(ErrorCategory.ConnectionError, run.SingleError().CategoryInfo.Category);
    }

    [Fact]
    public void TheWrongTlsModeForThePortFailsTheTlsStage()
    {
        using var session = WithAccount(tls: "Tls", port: _server.ImapPort.ToString());
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $args[0] -TimeoutSeconds 5", Thumbprint);
        Assert.Equal("Imap/Tls", Prop(Assert.Single(run.Output), "FailedStage"));
        Assert.Equal("MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand", run.SingleError().FullyQualifiedErrorId);
    }

    [Theory]
    [InlineData("Test-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.test", "MailAccountNotFound", ErrorCategory.ObjectNotFound)]
    [InlineData("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -Send", "ParameterNotValidForMailServer", ErrorCategory.InvalidArgument)]
    [InlineData("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -To 'not an address'", "InvalidEmailAddress", ErrorCategory.InvalidArgument)]
    [InlineData("Test-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.test", "MailAccountTestNotSupported", ErrorCategory.NotImplemented)]
    public void WhatCannotBeTestedIsRefusedBeforeConnecting(string script, string errorId, ErrorCategory category)
    {
        using var session = WithAccount();
        session.Run(Scripts.Credential + @"
            $null = New-MailServer -IdentityStore Contoso -Name EWS -ServiceType Exchange -ServiceAddress ews.fabrikam.test -Receive -LoginFormat EmailAddress
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.test -MailServer EWS -Password (secure 'x')").ThrowIfErrors();
        RunResult run = session.Run(script);
        Assert.Empty(run.Output);
        ErrorRecord error = run.SingleError();
        Assert.Equal($"{errorId},MessagingProvider.Commands.TestMailAccountCommand", error.FullyQualifiedErrorId);
        Assert.Equal(category, error.CategoryInfo.Category);
    }

    /// <summary>A store with the server 'Test Mail' (IMAPS and SMTP) and the account ben@contoso.test (login = address).</summary>
    private ModuleSession WithSendingAccount(string smtpTls = "StartTls", int? smtpPort = null, string password = "Ben-P@ss-1")
    {
        var session = new ModuleSession();
        smtpPort ??= smtpTls == "Tls" ? _server.ImplicitTlsPort : _server.StartTlsPort;
        session.Run(Scripts.Credential + $@"
            $null = New-IdentityStore -Name Contoso
            $null = New-MailServer -IdentityStore Contoso -Name 'Test Mail' -ServiceType ImapSmtp -ServiceAddress 127.0.0.1 -Receive -Send -LoginFormat EmailAddress -ImapPort {_server.ImapsPort} -SmtpTls {smtpTls} -SmtpPort {smtpPort}
            $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -MailServer 'Test Mail' -Password (secure '{password}')").ThrowIfErrors();
        return session;
    }

    [Fact]
    public void WithoutSwitchesEverythingTheServerDoesIsTestedAndSmtpAuthenticates()
    {
        using var session = WithSendingAccount();
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -TrustedCertificateThumbprint $args[0]", Thumbprint);
        PSObject result = run.Single();
        Assert.Equal(true, Prop(result, "Succeeded"));
        Assert.Equal(
            "Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed," +
            "Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Passed,Smtp/Send:Skipped", StageLine(result));
        Assert.Contains("StartTls", Detail(result, "Smtp/Tls"));
        Assert.Null(Prop(result, "MessageSent"));
    }

    [Fact]
    public void ATestMessageOverSmtpsArrivesInTheRecipientsMailbox()
    {
        using var session = WithSendingAccount(smtpTls: "Tls");
        // A recipient of its own, so the unread counts the IMAP tests expect stay as seeded.
        const string recipient = "postmaster@contoso.test";
        int before = _server.NewMessageCount(recipient);
        PSObject result = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -To postmaster@contoso.test -TrustedCertificateThumbprint $args[0]", Thumbprint).Single();
        Assert.Equal("Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Passed,Smtp/Send:Passed", StageLine(result));
        Assert.Equal(true, Prop(result, "MessageSent"));
        Assert.Contains("accepted for " + recipient, Detail(result, "Send"));

        var deadline = System.DateTime.UtcNow.AddSeconds(30);
        while (_server.NewMessageCount(recipient) == before && System.DateTime.UtcNow < deadline) System.Threading.Thread.Sleep(100);
        Assert.True(_server.NewMessageCount(recipient) == before + 1, "the test message was not delivered:\n" + _server.LogTail());
    }

    [Fact]
    public void AWrongPasswordFailsTheSmtpLogin()
    {
        using var session = WithSendingAccount(password: "wrong-password");
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Send -TrustedCertificateThumbprint $args[0]", Thumbprint);
        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Failed,Smtp/Send:Skipped", StageLine(result));
        ErrorRecord error = run.SingleError();
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("Smtp Login", error.Exception.Message);
    }

    [Fact]
    public void AServerThatOffersNoAuthenticationWithoutTlsFailsTheSmtpLogin()
    {
        using var session = WithSendingAccount(smtpTls: "None");
        RunResult run = session.Run("Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Send -To anna@contoso.test");
        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Skipped,Smtp/Login:Failed,Smtp/Send:Skipped", StageLine(result));
        Assert.Equal(false, Prop(result, "MessageSent"));
        Assert.Equal(ErrorCategory.AuthenticationError, run.SingleError().CategoryInfo.Category);
    }

    [Fact]
    public void StoppingTheCommandCancelsAConnectionThatHangs()
    {
        using var silent = new SilentTcpServer();
        using var session = WithAccount(port: silent.Port.ToString());
        using var ps = System.Management.Automation.PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TimeoutSeconds 300");
        var output = new PSDataCollection<PSObject>();
        System.IAsyncResult running = ps.BeginInvoke<PSObject, PSObject>(null, output);
        Assert.True(silent.Connected.Wait(System.TimeSpan.FromSeconds(60)), "Test-MailAccount never connected");

        ps.Stop();
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Empty(output); // a result would mean it ran into its 300 s timeout instead of stopping
    }
}

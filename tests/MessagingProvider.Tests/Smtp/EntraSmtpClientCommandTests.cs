using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.IO;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using System.Security.Cryptography;
using System.Text;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.Smtp;

/// <summary>
/// The Microsoft Entra ID SMTP client in the hosted engine: MSAL signs in with the device code at
/// the Entra ID stand-in (HTTPS, its certificate trusted for this user while a test runs), whose
/// delegated tokens are HS256 JWTs the real Dovecot of the test mail server accepts for XOAUTH2.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class EntraSmtpClientCommandTests : IAsyncLifetime
{
    private const string Secret = "Qx8~stand-in-secret";
    private const string Mailbox = "notifier@test.local";
    private readonly MailServerFixture _server;
    private IDisposable _trust = null!;
    private EntraStandIn _entra = null!;

    public EntraSmtpClientCommandTests(MailServerFixture server) => _server = server;

    public async Task InitializeAsync()
    {
        _trust = TestTls.TrustForCurrentUser();
        _entra = await EntraStandIn.StartAsync();
        _entra.DelegatedTokenSigningKey = _server.SigningKey;
    }

    public async Task DisposeAsync()
    {
        await _entra.DisposeAsync();
        _trust.Dispose();
    }

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    private const string Secure = "function secure([string]$text) { [System.Net.NetworkCredential]::new('', $text).SecurePassword }\n";

    /// <summary>A store whose Entra ID SMTP client uses the stand-in and the test mail server's STARTTLS port (certificate pinned).</summary>
    private ModuleSession Configured(string secret = Secret)
    {
        var session = new ModuleSession();
        session.Run(Secure + "$null = New-IdentityStore -Name Contoso\n" +
            "Set-EntraSmtpClient -IdentityStore Contoso -TenantId $args[0] -ClientId $args[1] -ClientSecret (secure $args[2]) -AuthorityHost $args[3] -SmartHost $args[4] -Port $args[5] -CertificateThumbprint $args[6]",
            _entra.TenantId, _entra.ClientId, secret, _entra.AuthorityHost.ToString(), _server.Host, _server.StartTlsPort, _server.Certificate.Thumbprint).ThrowIfErrors();
        return session;
    }

    /// <summary>
    /// Runs Connect-EntraSmtpMailbox while a person reads the code from the warning the host
    /// shows and signs in at the stand-in as <paramref name="mailbox"/> (null: declines).
    /// </summary>
    private RunResult ConnectAs(ModuleSession session, string? mailbox, List<string>? shown = null, string extra = "")
    {
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Connect-EntraSmtpMailbox -IdentityStore Contoso " + extra);
        ps.Streams.Warning.DataAdded += (sender, e) =>
        {
            string text = ((PSDataCollection<WarningRecord>)sender!)[e.Index].Message;
            shown?.Add(text);
            _entra.CompleteDeviceLogin(text, mailbox);
        };
        return Invoke(ps);
    }

    private static RunResult Invoke(PowerShell ps)
    {
        try
        {
            Collection<PSObject> output = ps.Invoke();
            return new RunResult(output, ps.Streams.Error.ToList(), ps.Streams, terminating: false);
        }
        catch (RuntimeException e)
        {
            return new RunResult(new Collection<PSObject>(), new List<ErrorRecord> { e.ErrorRecord }, ps.Streams, terminating: true);
        }
    }

    private PSObject Get(ModuleSession session) => session.Run("Get-EntraSmtpClient -IdentityStore Contoso").Single();

    private PSObject SendTest(ModuleSession session, string to, out RunResult run)
    {
        run = session.Run("Send-EntraSmtpTestMessage -IdentityStore Contoso -To $args[0] -Verbose", to);
        return Assert.Single(run.Output);
    }

    [Fact]
    public void SetStoresTheSettingsWithDefaultsAndGetShowsThemWithTheSecretMasked()
    {
        using var session = new ModuleSession();
        RunResult set = session.Run(Secure + "$null = New-IdentityStore -Name Contoso\n" +
            "Set-EntraSmtpClient -IdentityStore Contoso -TenantId $args[0] -ClientId $args[1] -ClientSecret (secure $args[2]) -PassThru -Verbose",
            _entra.TenantId, _entra.ClientId, Secret).ThrowIfErrors();

        PSObject info = Get(session);
        Assert.Equal("MessagingProvider.Output.EntraSmtpClientInfo", info.TypeNames[0]);
        Assert.Equal(_entra.TenantId, Prop(info, "TenantId"));
        Assert.Equal(_entra.ClientId, Prop(info, "ClientId"));
        Assert.Equal("********", Prop(info, "ClientSecret"));
        Assert.Equal("smtp.office365.com", Prop(info, "SmartHost"));
        Assert.Equal(587, Prop(info, "Port"));
        Assert.Equal("StartTls", Prop(info, "Security"));
        Assert.Equal("https://login.microsoftonline.com/", Prop(info, "AuthorityHost"));
        Assert.Equal(false, Prop(info, "Enabled"));
        Assert.Null(Prop(info, "MailboxUser"));
        Assert.StartsWith(session.ConfigDirectory, (string)Prop(info, "TokenCachePath")!);
        Assert.Equal("********", Prop(Assert.Single(set.Output), "ClientSecret"));
        Assert.All(set.Verbose, v => Assert.DoesNotContain(Secret, v));
        foreach (byte[] file in session.Snapshot().Values) Assert.DoesNotContain(Secret, Encoding.UTF8.GetString(file));
    }

    [Fact]
    public void AnOffice365StoreDefaultsToItsCloudsSmartHostAndSignInHost()
    {
        using var session = new ModuleSession();
        session.Run(Secure + "$null = New-IdentityStore -Name Contoso\n" +
            "Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId $args[1] -ClientSecret (secure $args[2])\n" +
            "Set-EntraSmtpClient -IdentityStore Contoso -TenantId $args[0] -ClientId $args[1] -ClientSecret (secure $args[2])",
            _entra.TenantId, _entra.ClientId, Secret).ThrowIfErrors();

        PSObject info = Get(session);

        Assert.Equal("smtp.office365.us", Prop(info, "SmartHost"));
        Assert.Equal("https://login.microsoftonline.us/", Prop(info, "AuthorityHost"));
    }

    [Fact]
    public void BadOrIncompleteSettingsAreRefusedAndNothingIsStored()
    {
        using ModuleSession session = Configured();
        var fresh = session.Run("$null = New-IdentityStore -Name Fabrikam");

        ErrorRecord clientId = session.RunRefused("Set-EntraSmtpClient -IdentityStore Contoso -ClientId 'not-a-guid'",
            "InvalidApplicationId,MessagingProvider.Commands.SetEntraSmtpClientCommand", ErrorCategory.InvalidArgument);
        session.RunRefused("Set-EntraSmtpClient -IdentityStore Contoso -TenantId 'no tenant'",
            "InvalidDomainName,MessagingProvider.Commands.SetEntraSmtpClientCommand", ErrorCategory.InvalidArgument);
        session.RunRefused("Set-EntraSmtpClient -IdentityStore Contoso -AuthorityHost 'http://login.example'",
            "InvalidEndpoint,MessagingProvider.Commands.SetEntraSmtpClientCommand", ErrorCategory.InvalidArgument);
        session.RunRefused("Set-EntraSmtpClient -IdentityStore Contoso -SmartHost 'smtp host'",
            "InvalidServerName,MessagingProvider.Commands.SetEntraSmtpClientCommand", ErrorCategory.InvalidArgument);
        ErrorRecord incomplete = session.RunRefused("Set-EntraSmtpClient -IdentityStore Fabrikam -TenantId contoso.onmicrosoft.com",
            "EntraSmtpClientSettingsIncomplete,MessagingProvider.Commands.SetEntraSmtpClientCommand", ErrorCategory.InvalidArgument);

        Assert.Contains("Application (client) ID", clientId.Exception.Message);
        Assert.Contains("-ClientId, -ClientSecret", incomplete.Exception.Message);
        Assert.Equal("EntraSmtpClientNotConfigured,MessagingProvider.Commands.GetEntraSmtpClientCommand",
            session.Run("Get-EntraSmtpClient -IdentityStore Fabrikam").SingleError().FullyQualifiedErrorId);
    }

    [Fact]
    public void ConnectShowsTheDeviceCodeThroughTheHostAndKeepsTheSignInEncrypted()
    {
        using ModuleSession session = Configured();
        var shown = new List<string>();

        RunResult run = ConnectAs(session, Mailbox, shown, "-Verbose");

        PSObject signedIn = run.Single();
        Assert.Equal("MessagingProvider.Output.EntraSmtpMailboxInfo", signedIn.TypeNames[0]);
        Assert.Equal(Mailbox, Prop(signedIn, "MailboxUser"));
        Assert.True((DateTimeOffset)Prop(signedIn, "TokenExpiresOn")! > DateTimeOffset.UtcNow);
        string instructions = Assert.Single(shown);
        Assert.Contains("https://microsoft.com/devicelogin", instructions);
        Assert.Matches("enter the code D[0-9]{8}", instructions);
        Assert.True(_entra.PendingPolls >= 1);

        // Neither the output nor Verbose carries the token; the cache file is encrypted.
        string token = Assert.Single(_entra.DelegatedUsers.Keys);
        Assert.All(signedIn.Properties, p => Assert.DoesNotContain(token, p.Value?.ToString() ?? ""));
        Assert.All(run.Verbose, v => Assert.DoesNotContain(token, v));
        string cache = (string)Prop(signedIn, "TokenCachePath")!;
        Assert.True(File.Exists(cache));
        Assert.DoesNotContain(Mailbox, File.ReadAllText(cache));
        Assert.DoesNotContain(token, File.ReadAllText(cache));
        Assert.Equal(Mailbox, Prop(Get(session), "MailboxUser"));
    }

    [Fact]
    public void ADeclinedSignInIsAClearErrorAndStoresNothing()
    {
        using ModuleSession session = Configured();
        var before = session.Snapshot();

        ErrorRecord error = ConnectAs(session, mailbox: null).SingleError();

        Assert.Equal("MailboxLogonDeclined,MessagingProvider.Commands.ConnectEntraSmtpMailboxCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        ModuleSession.AssertUnchanged(before, session.Snapshot());
    }

    [Fact]
    public void StoppingTheSignInCancelsItAndStoresNothing()
    {
        using ModuleSession session = Configured();
        var before = session.Snapshot();
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = session.Runspace;
        ps.AddScript("Connect-EntraSmtpMailbox -IdentityStore Contoso");
        using var codeShown = new System.Threading.ManualResetEventSlim();
        ps.Streams.Warning.DataAdded += (_, _) => codeShown.Set();

        IAsyncResult running = ps.BeginInvoke();
        Assert.True(codeShown.Wait(TimeSpan.FromSeconds(60)), "the device code was never shown");
        ps.Stop();

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.True(running.IsCompleted);
        ModuleSession.AssertUnchanged(before, session.Snapshot());
    }

    [Fact]
    public void TheTestMessageArrivesThroughTheMailServerAndOnlyThenCanTheClientBeEnabled()
    {
        using ModuleSession session = Configured();
        const string enableId = "EntraSmtpClientTestRequired,MessagingProvider.Commands.EnableEntraSmtpClientCommand";
        ErrorRecord notSignedIn = session.RunRefused("Enable-EntraSmtpClient -IdentityStore Contoso", enableId, ErrorCategory.InvalidOperation);
        Assert.Contains("Connect-EntraSmtpMailbox", notSignedIn.Exception.Message);
        ConnectAs(session, Mailbox).ThrowIfErrors();
        ErrorRecord untested = session.RunRefused("Enable-EntraSmtpClient -IdentityStore Contoso", enableId, ErrorCategory.InvalidOperation);
        Assert.Contains("has not been tested", untested.Exception.Message);

        PSObject result = SendTest(session, "grace@test.local", out RunResult run);

        Assert.Empty(run.Errors);
        Assert.Equal("MessagingProvider.Output.EntraSmtpClientTestResult", result.TypeNames[0]);
        Assert.True((bool)Prop(result, "Succeeded")!, (string?)Prop(result, "Reason"));
        Assert.Equal(Mailbox, Prop(result, "Mailbox"));
        Assert.Equal("XOAUTH2", Prop(result, "AuthMechanism"));
        Assert.StartsWith("2.0.0 Ok", (string)Prop(result, "ServerReply")!);
        Assert.Equal(true, Prop(result, "ReadyToEnable"));
        var stages = ((System.Collections.IEnumerable)Prop(result, "Stages")!).Cast<object>().Select(PSObject.AsPSObject).ToList();
        Assert.Equal(new[] { "Dns", "Tcp", "Tls", "Ehlo", "Auth", "Send" }, stages.Select(s => (string)Prop(s, "Stage")!).ToArray());
        Assert.Contains(run.Verbose, v => v.StartsWith("SMTP C: AUTH XOAUTH2 ********", StringComparison.Ordinal));
        Assert.All(run.Verbose, v => Assert.DoesNotContain(_entra.DelegatedUsers.Keys.Single(), v));
        var delivered = _server.Mail.WaitFor("grace@test.local", "MessagingProvider test message for Contoso")
            .Where(m => m.MessageId == (string)Prop(result, "MessageId")!).ToList();
        var message = Assert.Single(delivered);
        Assert.Equal(Mailbox, message.From.Mailboxes.Single().Address);
        Assert.Equal("Send-EntraSmtpTestMessage", message.Headers["X-MessagingProvider-Test"]);

        PSObject enabled = session.Run("Enable-EntraSmtpClient -IdentityStore Contoso -PassThru").Single();
        Assert.Equal(true, Prop(enabled, "Enabled"));
        PSObject stored = Get(session);
        Assert.Equal(true, Prop(stored, "LastTestSucceeded"));
        Assert.Equal(Mailbox, Prop(stored, "LastTestMailbox"));
        Assert.Equal(new[] { "grace@test.local" }, (string[])Prop(stored, "LastTestTo")!);

        // The same secret again is no change: it stays enabled.
        RunResult same = session.Run(Secure + "Set-EntraSmtpClient -IdentityStore Contoso -ClientSecret (secure $args[0]) -SmartHost $args[1]", Secret, _server.Host).ThrowIfErrors();
        Assert.Empty(same.Warnings);
        Assert.Equal(true, Prop(Get(session), "Enabled"));

        // Any change of the settings disables it, says so, and needs a new test.
        RunResult changed = session.Run("Set-EntraSmtpClient -IdentityStore Contoso -Port $args[0]", _server.StartTlsPort == 587 ? 588 : 587);
        Assert.Contains(changed.Warnings, w => w.Contains("now disabled because Port changed", StringComparison.Ordinal));
        Assert.Equal(false, Prop(Get(session), "Enabled"));
        ErrorRecord afterChange = session.RunRefused("Enable-EntraSmtpClient -IdentityStore Contoso", enableId, ErrorCategory.InvalidOperation);
        Assert.Contains("changed after the last test", afterChange.Exception.Message);

        // Back to the tested settings: the same test counts again (the fingerprint matches).
        session.Run("Set-EntraSmtpClient -IdentityStore Contoso -Port $args[0]", _server.StartTlsPort).ThrowIfErrors();
        Assert.Equal(true, Prop(Get(session), "ReadyToEnable"));
        session.Run("Enable-EntraSmtpClient -IdentityStore Contoso").ThrowIfErrors();

        // A new mailbox sign-in disables it too.
        RunResult again = ConnectAs(session, Mailbox);
        Assert.Contains(again.Warnings, w => w.Contains("now disabled because of the new mailbox sign-in", StringComparison.Ordinal));
        Assert.Equal(false, Prop(Get(session), "Enabled"));
        session.RunRefused("Enable-EntraSmtpClient -IdentityStore Contoso", enableId, ErrorCategory.InvalidOperation);
    }

    [Fact]
    public void ATokenTheSmartHostRejectsLeavesItDisabledWithAClearError()
    {
        using ModuleSession session = Configured();
        _entra.DelegatedTokenSigningKey = RandomNumberGenerator.GetBytes(32);
        ConnectAs(session, Mailbox).ThrowIfErrors();

        PSObject result = SendTest(session, "grace@test.local", out RunResult run);

        Assert.False((bool)Prop(result, "Succeeded")!);
        Assert.Equal("Auth", Prop(result, "FailedStage"));
        Assert.Equal(false, Prop(result, "ReadyToEnable"));
        ErrorRecord error = run.SingleError();
        Assert.Equal("SmtpAuthenticationFailed,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains(Mailbox, error.Exception.Message);
        // The refused token was replaced once with a renewed one before giving up.
        Assert.Equal(1, _entra.RefreshGrants);
        PSObject stored = Get(session);
        Assert.Equal(false, Prop(stored, "Enabled"));
        Assert.Equal(false, Prop(stored, "LastTestSucceeded"));
        ErrorRecord refused = session.RunRefused("Enable-EntraSmtpClient -IdentityStore Contoso",
            "EntraSmtpClientTestRequired,MessagingProvider.Commands.EnableEntraSmtpClientCommand", ErrorCategory.InvalidOperation);
        Assert.Contains("failed", refused.Exception.Message);
    }

    [Fact]
    public void AFailedTestOfAnEnabledClientDisablesItAndDisableWorks()
    {
        using ModuleSession session = Configured();
        ConnectAs(session, Mailbox).ThrowIfErrors();
        Assert.True((bool)Prop(SendTest(session, "heidi@test.local", out _), "Succeeded")!);
        session.Run("Enable-EntraSmtpClient -IdentityStore Contoso").ThrowIfErrors();

        // The smart host refuses the recipient.
        PSObject result = SendTest(session, "rejected@test.local", out RunResult run);

        Assert.Equal("Send", Prop(result, "FailedStage"));
        Assert.Equal("SmtpRecipientRejected,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Contains(run.Warnings, w => w.Contains("now disabled because the test failed", StringComparison.Ordinal));
        Assert.Equal(false, Prop(Get(session), "Enabled"));

        Assert.True((bool)Prop(SendTest(session, "heidi@test.local", out _), "Succeeded")!);
        session.Run("Enable-EntraSmtpClient -IdentityStore Contoso").ThrowIfErrors();
        PSObject disabled = session.Run("Disable-EntraSmtpClient -IdentityStore Contoso -PassThru").Single();
        Assert.Equal(false, Prop(disabled, "Enabled"));
        Assert.Equal(Mailbox, Prop(disabled, "MailboxUser"));
        Assert.Equal(true, Prop(disabled, "ReadyToEnable"));
    }

    [Fact]
    public void NotificationsGoThroughTheEnabledClientAsTheSignedInMailboxAndStopWhenItIsDisabled()
    {
        using ModuleSession session = Configured();
        ConnectAs(session, Mailbox).ThrowIfErrors();
        const string setId = "EntraSmtpClientNotEnabled,MessagingProvider.Commands.SetNotificationDeliveryCommand";
        var before = session.Snapshot();
        ErrorRecord notEnabled = session.RunRefused("Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient", setId, ErrorCategory.InvalidOperation);
        Assert.Contains("Send-EntraSmtpTestMessage", notEnabled.Exception.Message);
        session.RunRefused("Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -From judy@test.local",
            "NotificationDeliveryFromNotUsed,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.InvalidArgument);
        ModuleSession.AssertUnchanged(before, session.Snapshot());

        Assert.True((bool)Prop(SendTest(session, "judy@test.local", out _), "Succeeded")!);
        session.Run("Enable-EntraSmtpClient -IdentityStore Contoso").ThrowIfErrors();
        PSObject delivery = session.Run("Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -PassThru").Single();
        Assert.Equal("EntraSmtpClient", Prop(delivery, "Method")!.ToString());
        Assert.Null(Prop(delivery, "Problem"));

        string group = "Entra-" + MailServerFixture.NewMarker();
        RunResult run = session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To judy@test.local -Verbose", group);

        PSObject result = run.Single();
        Assert.Equal("Sent", Prop(result, "Status")!.ToString());
        Assert.Equal("EntraSmtpClient", Prop(result, "Transport")!.ToString());
        Assert.Contains(run.Verbose, v => v.Contains($"go through the Entra ID SMTP client's smart host {_server.Host}:{_server.StartTlsPort} as {Mailbox}", StringComparison.Ordinal));
        Assert.Contains(run.Verbose, v => v.StartsWith("SMTP C: AUTH XOAUTH2 ********", StringComparison.Ordinal) || v.Contains("XOAUTH2", StringComparison.Ordinal));
        Assert.All(run.Verbose, v => Assert.DoesNotContain(_entra.DelegatedUsers.Keys.Last(), v));
        MimeKit.MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("judy@test.local", group));
        Assert.Equal(Mailbox, delivered.From.Mailboxes.Single().Address);

        // Disabled: the command says what happens to notifications, and sending stops with a clear error.
        RunResult disabled = session.Run("Disable-EntraSmtpClient -IdentityStore Contoso").ThrowIfErrors();
        Assert.Contains(disabled.Warnings, w => w.Contains("Send-Notification fails with EntraSmtpClientNotEnabled", StringComparison.Ordinal));
        Assert.Contains("not enabled", (string)Prop(session.Run("Get-NotificationDelivery -IdentityStore Contoso").Single(), "Problem")!);
        ErrorRecord stopped = session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To judy@test.local", group + "-2").SingleError();
        Assert.Equal("EntraSmtpClientNotEnabled,MessagingProvider.Commands.SendNotificationCommand", stopped.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, stopped.CategoryInfo.Category);
    }

    [Fact]
    public void TheSignInSurvivesANewSessionAndAnExpiredTokenIsRenewedWithTheRefreshToken()
    {
        _entra.DelegatedTokenLifetimeSeconds = 120;
        using ModuleSession session = Configured();
        ConnectAs(session, Mailbox).ThrowIfErrors();
        Assert.Equal(0, _entra.RefreshGrants);

        // A scheduled job: another runspace that imports the module and has only the stored files.
        using Runspace job = RunspaceFactory.CreateRunspace(InitialSessionState.CreateDefault2());
        job.Open();
        using PowerShell ps = PowerShell.Create();
        ps.Runspace = job;
        ps.AddScript("Import-Module -Name $args[0] -ErrorAction Stop; Send-EntraSmtpTestMessage -IdentityStore Contoso -To $args[1]")
            .AddArgument(RepoPaths.ModuleManifest).AddArgument("ivan@test.local");
        PSObject result = Invoke(ps).Single();

        Assert.True((bool)Prop(result, "Succeeded")!, (string?)Prop(result, "Reason"));
        // The access token expires within MSAL's five-minute margin: renewed with the refresh token.
        Assert.Equal(1, _entra.RefreshGrants);
        Assert.Single(_server.Mail.WaitFor("ivan@test.local", "MessagingProvider test message for Contoso").Where(m => m.MessageId == (string)Prop(result, "MessageId")!));
    }

    [Fact]
    public void ANewTenantOrAppDropsTheMailboxSignIn()
    {
        using ModuleSession session = Configured();
        PSObject signedIn = ConnectAs(session, Mailbox).Single();
        string cache = (string)Prop(signedIn, "TokenCachePath")!;

        RunResult changed = session.Run("Set-EntraSmtpClient -IdentityStore Contoso -ClientId 0b3a6f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b");

        Assert.Contains(changed.Warnings, w => w.Contains($"sign-in of {Mailbox}", StringComparison.Ordinal) && w.Contains("Connect-EntraSmtpMailbox", StringComparison.Ordinal));
        Assert.Null(Prop(Get(session), "MailboxUser"));
        Assert.False(File.Exists(cache));
        ErrorRecord error = session.Run("Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local").SingleError();
        Assert.Equal("MailboxLogonRequired,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Connect-EntraSmtpMailbox", error.Exception.Message);
    }

    [Fact]
    public void RemovingTheStoreRemovesTheMailboxSignIn()
    {
        using ModuleSession session = Configured();
        string cache = (string)Prop(ConnectAs(session, Mailbox).Single(), "TokenCachePath")!;
        Assert.True(File.Exists(cache));

        session.Run("Remove-IdentityStore -Name Contoso -Confirm:$false").ThrowIfErrors();

        Assert.False(File.Exists(cache));
    }

    [Fact]
    public void WhatIfChangesNothingAndSendsNothing()
    {
        using ModuleSession session = Configured();
        ConnectAs(session, Mailbox).ThrowIfErrors();
        int polls = _entra.PendingPolls;
        var before = session.Snapshot();
        int delivered = _server.NewMessageCount("judy@test.local");

        session.Run(Secure + "Set-EntraSmtpClient -IdentityStore Contoso -SmartHost smtp.contoso.com -ClientSecret (secure 'other') -WhatIf").ThrowIfErrors();
        RunResult connect = session.Run("Connect-EntraSmtpMailbox -IdentityStore Contoso -WhatIf").ThrowIfErrors();
        session.Run("Send-EntraSmtpTestMessage -IdentityStore Contoso -To judy@test.local -WhatIf").ThrowIfErrors();
        session.Run("Enable-EntraSmtpClient -IdentityStore Contoso -WhatIf; Disable-EntraSmtpClient -IdentityStore Contoso -WhatIf").ThrowIfErrors();

        Assert.Empty(connect.Warnings);
        Assert.Equal(polls, _entra.PendingPolls);
        ModuleSession.AssertUnchanged(before, session.Snapshot());
        Assert.Equal(delivered, _server.NewMessageCount("judy@test.local"));
    }
}

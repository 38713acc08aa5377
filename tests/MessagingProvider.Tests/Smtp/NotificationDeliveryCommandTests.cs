using System;
using System.Linq;
using System.Management.Automation;
using System.Text.Json.Nodes;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;
using MimeKit;

namespace MessagingProvider.Tests.Smtp;

/// <summary>
/// Set-/Get-NotificationDelivery and Send-Notification through the chosen transport, in the
/// hosted engine: Microsoft Graph against the Entra ID and Graph HTTPS stand-ins (TLS validated
/// the production way, their certificate trusted for this user while a test runs), SMTP against
/// the real Postfix.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class NotificationDeliveryCommandTests : IAsyncLifetime
{
    private const string AppId = "6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10";
    private const string Mailbox = "notifications@contoso.com";
    private readonly MailServerFixture _server;
    private readonly string _marker = MailServerFixture.NewMarker();
    private IDisposable _trust = null!;
    private EntraStandIn _entra = null!;
    private GraphStandIn _graph = null!;
    private ModuleSession _session = null!;

    public NotificationDeliveryCommandTests(MailServerFixture server) => _server = server;

    public async Task InitializeAsync()
    {
        _trust = TestTls.TrustForCurrentUser();
        _entra = await EntraStandIn.StartAsync();
        _graph = await GraphStandIn.StartAsync(_entra);
        _session = new ModuleSession();
        CloudStore("Cloud", _entra.ClientSecret);
    }

    public async Task DisposeAsync()
    {
        _session.Dispose();
        await _graph.DisposeAsync();
        await _entra.DisposeAsync();
        _trust.Dispose();
    }

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    private string Group(string name) => $"{name}-{_marker}";

    [Fact]
    public void ANewStoreDeliversThroughSmtpAndSaysTheServerIsMissing()
    {
        PSObject delivery = _session.Run("Get-NotificationDelivery -IdentityStore Cloud").Single();

        Assert.Equal("MessagingProvider.Output.NotificationDeliveryInfo", delivery.TypeNames[0]);
        Assert.Equal("Smtp", Prop(delivery, "Method")!.ToString());
        Assert.Null(Prop(delivery, "From"));
        Assert.Null(Prop(delivery, "Endpoint"));
        Assert.Contains("Set-SmtpServer", (string)Prop(delivery, "Problem")!);
    }

    [Fact]
    public void MicrosoftGraphIsStoredWithItsMailbox()
    {
        RunResult set = _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox} -PassThru -Verbose").ThrowIfErrors();

        PSObject passed = Assert.Single(set.Output);
        Assert.Equal("MicrosoftGraph", Prop(passed, "Method")!.ToString());
        Assert.Contains(set.Verbose, v => v.Contains($"through Microsoft Graph as {Mailbox}"));
        PSObject stored = _session.Run("Get-IdentityStore -Name Cloud | Get-NotificationDelivery").Single();
        Assert.Equal("MicrosoftGraph", Prop(stored, "Method")!.ToString());
        Assert.Equal(Mailbox, Prop(stored, "From"));
        Assert.Equal(Mailbox, Prop(stored, "GraphMailbox"));
        Assert.Equal(_graph.Endpoint.ToString(), Prop(stored, "Endpoint"));
        Assert.Null(Prop(stored, "Problem"));
        Assert.Contains(_session.Snapshot().Values, file => System.Text.Encoding.UTF8.GetString(file).Contains("\"method\": \"MicrosoftGraph\""));
    }

    [Fact]
    public void GraphNeedsTheOffice365Provider()
    {
        _session.Run(Scripts.ExchangeStore).ThrowIfErrors();

        ErrorRecord error = _session.RunRefused($"Set-NotificationDelivery -IdentityStore Contoso -Method MicrosoftGraph -From {Mailbox}",
            "GraphDeliveryRequiresOffice365,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.InvalidOperation);
        Assert.Contains("provider of 'Contoso' is Exchange", error.Exception.Message);
    }

    [Fact]
    public void GraphNeedsASenderMailbox()
    {
        ErrorRecord error = _session.RunRefused("Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph",
            "GraphDeliveryFromMissing,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.InvalidArgument);
        Assert.Contains("-From", error.Exception.Message);
    }

    [Fact]
    public void AnInvalidSenderAddressIsRefused()
    {
        _session.RunRefused("Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From 'not an address'",
            "InvalidEmailAddress,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.InvalidArgument);
    }

    [Fact]
    public void FromWithSmtpIsRefused()
    {
        ErrorRecord error = _session.RunRefused($"Set-NotificationDelivery -IdentityStore Cloud -Method Smtp -From {Mailbox}",
            "NotificationDeliveryFromNotUsed,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.InvalidArgument);
        Assert.Contains("Set-SmtpServer -From", error.Exception.Message);
    }

    [Fact]
    public void AnUnknownIdentityStoreIsRefused()
    {
        _session.RunRefused("Set-NotificationDelivery -IdentityStore Nowhere -Method Smtp",
            "IdentityStoreNotFound,MessagingProvider.Commands.SetNotificationDeliveryCommand", ErrorCategory.ObjectNotFound);
    }

    [Fact]
    public void GetOfAnUnknownIdentityStoreIsAnError()
    {
        ErrorRecord error = _session.Run("Get-NotificationDelivery -IdentityStore Nowhere").SingleError();
        Assert.Equal("IdentityStoreNotFound,MessagingProvider.Commands.GetNotificationDeliveryCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void WhatIfChangesNothing()
    {
        var before = _session.Snapshot();

        RunResult run = _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox} -WhatIf -PassThru").ThrowIfErrors();

        Assert.Empty(run.Output);
        ModuleSession.AssertUnchanged(before, _session.Snapshot());
    }

    [Fact]
    public void SmtpWithoutAnSmtpServerIsStoredWithAWarning()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();

        RunResult run = _session.Run("Set-NotificationDelivery -IdentityStore Cloud -Method Smtp -PassThru").ThrowIfErrors();

        PSObject delivery = Assert.Single(run.Output);
        Assert.Equal("Smtp", Prop(delivery, "Method")!.ToString());
        Assert.Equal(Mailbox, Prop(delivery, "GraphMailbox"));
        Assert.Contains(run.Warnings, w => w.Contains("SmtpServerNotConfigured"));
        ErrorRecord error = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject Sales -To owner@contoso.com").SingleError();
        Assert.Equal("SmtpServerNotConfigured,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
    }

    [Fact]
    public void SendNotificationDeliversThroughGraphWithOneToken()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();

        RunResult run = _session.Run(
            "@($args[0], $args[1], $args[2]) | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com, helpdesk@contoso.com -Cc audit@contoso.com -ChangedBy erin@contoso.com -Verbose",
            Group("Sales"), Group("Support"), Group("Finance")).ThrowIfErrors();

        Assert.Equal(3, run.Output.Count);
        Assert.All(run.Output, r => Assert.Equal("Sent", Prop(r, "Status")!.ToString()));
        Assert.All(run.Output, r => Assert.Equal("MicrosoftGraph", Prop(r, "Transport")!.ToString()));
        Assert.All(run.Output, r => Assert.Equal("202 Accepted", Prop(r, "ServerReply")));
        Assert.All(run.Output, r => Assert.Null(Prop(r, "MessageId")));
        Assert.Contains(run.Verbose, v => v.Contains($"go through Microsoft Graph {_graph.Endpoint} as {Mailbox}"));
        Assert.Equal(1, _entra.TokenRequests);
        Assert.Equal(3, _graph.Sent.Count);
        (string from, JsonObject body) = _graph.Sent.First();
        Assert.Equal(Mailbox, from);
        JsonNode message = body["message"]!;
        Assert.Equal($"{Group("Sales")} was modified", message["subject"]!.GetValue<string>());
        Assert.Equal(new[] { "owner@contoso.com", "helpdesk@contoso.com" }, message["toRecipients"]!.AsArray().Select(r => r!["emailAddress"]!["address"]!.GetValue<string>()));
        Assert.Equal("audit@contoso.com", message["ccRecipients"]![0]!["emailAddress"]!["address"]!.GetValue<string>());
        Assert.Equal("text", message["body"]!["contentType"]!.GetValue<string>());
        Assert.Contains("modified by erin@contoso.com", message["body"]!["content"]!.GetValue<string>());
        Assert.All(run.Verbose, v => Assert.DoesNotContain(_entra.ClientSecret, v));
    }

    [Fact]
    public void ThrottlingIsWaitedOutAndCounted()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();
        _graph.Throttle(1);

        RunResult run = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject $args[0] -To owner@contoso.com -Verbose", Group("Busy"));

        PSObject result = run.Single();
        Assert.Equal("Sent", Prop(result, "Status")!.ToString());
        Assert.Equal(2, Prop(result, "Attempts"));
        Assert.Contains(run.Verbose, v => v.Contains("429") && v.Contains("Retry-After"));
        Assert.Single(_graph.Sent);
    }

    [Fact]
    public void StoppingTheCommandEndsAThrottlingWait()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();
        // Graph asks to come back in a minute: the command waits, and Ctrl+C must end the wait.
        _graph.Throttle(1, retryAfterSeconds: 60);

        using PowerShell ps = PowerShell.Create();
        ps.Runspace = _session.Runspace;
        ps.AddCommand("Send-Notification").AddParameter("IdentityStore", "Cloud").AddParameter("Event", "ObjectModified")
            .AddParameter("InputObject", Group("Stopped")).AddParameter("To", "owner@contoso.com");
        IAsyncResult running = ps.BeginInvoke();
        System.Threading.SpinWait.SpinUntil(() => _graph.Requests == 1, TimeSpan.FromSeconds(30));
        Assert.Equal(1, _graph.Requests);

        ps.Stop();

        Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
        Assert.Throws<PipelineStoppedException>(() => ps.EndInvoke(running));
        Assert.Equal(1, _graph.Requests);
        Assert.Empty(_graph.Sent);
    }

    [Fact]
    public void GraphRefusalsFailEachMessageAndThePipelineGoesOn()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();
        _graph.MailSendGranted = false;

        RunResult run = _session.Run("@($args[0], $args[1]) | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com", Group("One"), Group("Two"));

        Assert.Equal(2, run.Errors.Count);
        Assert.All(run.Errors, e => Assert.Equal("GraphMailSendDenied,MessagingProvider.Commands.SendNotificationCommand", e.FullyQualifiedErrorId));
        Assert.All(run.Errors, e => Assert.Equal(ErrorCategory.PermissionDenied, e.CategoryInfo.Category));
        Assert.All(run.Output, r => Assert.Equal("Failed", Prop(r, "Status")!.ToString()));
        Assert.All(run.Output, r => Assert.Contains("Mail.Send", (string)Prop(r, "Reason")!));
        Assert.Equal(2, run.Output.Count);
    }

    [Fact]
    public void AnUnknownSenderMailboxIsNotFound()
    {
        _session.Run("Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From nobody@contoso.com").ThrowIfErrors();

        RunResult run = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject $args[0] -To owner@contoso.com", Group("Nobody"));

        ErrorRecord error = run.SingleError();
        Assert.Equal("GraphMailboxNotFound,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ObjectNotFound, error.CategoryInfo.Category);
        Assert.Equal("404 ErrorInvalidUser", Prop(Assert.Single(run.Output), "ServerReply"));
    }

    [Fact]
    public void ASignInFailureStopsTheCommandOnce()
    {
        _session.Run("Remove-IdentityStore -Name Cloud -Confirm:$false").ThrowIfErrors();
        CloudStore("Cloud", "not-the-secret");
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();

        RunResult run = _session.Run("@($args[0], $args[1]) | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com", Group("A"), Group("B"));

        // Stopped at the first message: one error, not one per message, and no result.
        ErrorRecord error = run.SingleError();
        Assert.Empty(run.Output);
        Assert.Equal("EntraClientSecretInvalid,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(0, _graph.Requests);
    }

    [Fact]
    public void WhatIfSendsNothingThroughGraph()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();

        PSObject result = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject $args[0] -To owner@contoso.com -WhatIf", Group("WhatIf")).Single();

        Assert.Equal("Skipped", Prop(result, "Status")!.ToString());
        Assert.Equal("-WhatIf", Prop(result, "Reason"));
        Assert.Equal("MicrosoftGraph", Prop(result, "Transport")!.ToString());
        Assert.Equal(0, _entra.TokenRequests);
        Assert.Equal(0, _graph.Requests);
    }

    [Fact]
    public void AProviderChangedAwayFromOffice365StopsGraphDeliveryWithTheReason()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();
        _session.Run("Set-MessagingProvider -IdentityStore Cloud -Provider Other -Domain contoso.com -Force").ThrowIfErrors();

        ErrorRecord error = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject $args[0] -To owner@contoso.com", Group("Moved")).SingleError();

        Assert.Equal("GraphDeliveryRequiresOffice365,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("-Method Smtp", error.Exception.Message);
        Assert.Equal(0, _graph.Requests);
    }

    [Fact]
    public void SwitchingBackToSmtpSendsThroughTheMailServer()
    {
        _session.Run($"Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From {Mailbox}").ThrowIfErrors();
        _session.Run("Set-SmtpServer -IdentityStore Cloud -Server 127.0.0.1 -Port $args[0] -From $args[1] -Security None -Authentication Basic -Credential $args[2]",
            _server.PlainPort, MailServerFixture.SenderUser, MailServerCollection.Credential(MailServerFixture.SenderUser, _server.SenderPassword)).ThrowIfErrors();
        _session.Run("Set-NotificationDelivery -IdentityStore Cloud -Method Smtp").ThrowIfErrors();

        RunResult run = _session.Run("Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject $args[0] -To olivia@test.local -Verbose", Group("Back"));

        PSObject result = run.Single();
        Assert.Equal("Sent", Prop(result, "Status")!.ToString());
        Assert.Equal("Smtp", Prop(result, "Transport")!.ToString());
        Assert.NotNull(Prop(result, "MessageId"));
        Assert.Contains(run.Verbose, v => v.Contains($"go through SMTP server 127.0.0.1:{_server.PlainPort} as {MailServerFixture.SenderUser}"));
        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("olivia@test.local", Group("Back")));
        Assert.Equal(MailServerFixture.SenderUser, delivered.From.Mailboxes.Single().Address);
        Assert.Equal(0, _graph.Requests);
        Assert.Equal(Mailbox, Prop(_session.Run("Get-NotificationDelivery Cloud").Single(), "GraphMailbox"));
    }

    private void CloudStore(string name, string secret) =>
        _session.Run(Scripts.Credential + $@"
            $null = New-IdentityStore -Name {name}
            Set-MessagingProvider -IdentityStore {name} -Provider Office365 -Domain contoso.com -Organization {_entra.Tenant} `
                -ApplicationId {AppId} -ClientSecret (secure $args[2]) -AuthorityHost $args[0] -GraphEndpoint $args[1]",
            _entra.AuthorityHost.ToString(), _graph.Endpoint.ToString(), secret).ThrowIfErrors();
}

using System;
using System.Linq;
using System.Management.Automation;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;
using MimeKit;

namespace MessagingProvider.Tests.Smtp;

/// <summary>
/// Send-Notification through the scripted fault proxy in front of the real Postfix, so that
/// connections can be counted and drops and 4xx replies injected; mail is read back over IMAP.
/// </summary>
[Collection(MailServerCollection.Name)]
public sealed class SendNotificationCommandTests : IDisposable
{
    private readonly MailServerFixture _server;
    private readonly SmtpFaultProxy _proxy;
    private readonly ModuleSession _session;
    private readonly string _marker = MailServerFixture.NewMarker();

    public SendNotificationCommandTests(MailServerFixture server)
    {
        _server = server;
        _proxy = new SmtpFaultProxy(server.PlainPort);
        _session = new ModuleSession();
        _session.Run("New-IdentityStore -Name Contoso").ThrowIfErrors();
        _session.Run("Set-SmtpServer -IdentityStore Contoso -Server 127.0.0.1 -Port $args[0] -From $args[1] -Security None -Authentication Basic -Credential $args[2]",
            _proxy.Port, MailServerFixture.SenderUser, MailServerCollection.Credential(MailServerFixture.SenderUser, server.SenderPassword)).ThrowIfErrors();
        _session.Run("Set-NotificationPolicy -IdentityStore Contoso -NotifyModifiedObject -NotifyGroupOwners -NotifyAddedMembers -NotifyPublicGroupOwners").ThrowIfErrors();
    }

    public void Dispose()
    {
        _session.Dispose();
        _proxy.Dispose();
    }

    private static object? Prop(PSObject o, string name) => o.Properties[name].Value;

    private string Group(string name) => $"{name}-{_marker}";

    [Fact]
    public void PipelineOfDirectoryObjectsGoesThroughOneConnectionWithDeDuplicatedRecipients()
    {
        const string script = @"
            $groups = @(
                [pscustomobject]@{ Name = $args[0]; ObjectClass = 'group'; Mail = 'sales@test.local'
                                   Members = @([pscustomobject]@{ Name = 'Alice'; Mail = 'alice@test.local' }, [pscustomobject]@{ Name = 'No Mail' }, 'CN=Someone,DC=contoso,DC=com')
                                   ManagedBy = [pscustomobject]@{ Name = 'Bob'; Mail = 'BOB@test.local' } },
                @{ Name = $args[1]; ObjectClass = 'group'; Members = @('carol@test.local', 'bob@test.local'); Owners = @('bob@test.local') },
                [pscustomobject]@{ Name = $args[2]; ObjectClass = 'group'; Members = @([pscustomobject]@{ Name = 'Nested'; ObjectClass = 'group'; Members = @('dave@test.local') }) }
            )
            $groups | Send-Notification -IdentityStore Contoso -Event ObjectModified -ChangedBy 'erin@test.local' -Cc 'erin@test.local'";

        RunResult run = _session.Run(script, Group("Sales"), Group("Support"), Group("Outer"));

        Assert.Empty(run.Errors);
        Assert.Equal(3, run.Output.Count);
        Assert.All(run.Output, r => Assert.Equal("Sent", Prop(r, "Status")!.ToString()));
        Assert.All(run.Output, r => Assert.Equal(1, Prop(r, "Attempts")));
        Assert.All(run.Output, r => Assert.Equal("Smtp", Prop(r, "Transport")!.ToString()));
        Assert.Equal(1, _proxy.Connections);
        Assert.Equal(new[] { "alice@test.local", "BOB@test.local" }, (string[])Prop(run.Output[0], "To")!);
        Assert.Equal(new[] { "No Mail (member of " + Group("Sales") + "): no mail address", "CN=Someone,DC=contoso,DC=com (member of " + Group("Sales") + "): no mail address" }, (string[])Prop(run.Output[0], "SkippedRecipients")!);
        Assert.Equal(new[] { "carol@test.local", "bob@test.local" }, (string[])Prop(run.Output[1], "To")!);
        Assert.Equal(new[] { "erin@test.local" }, (string[])Prop(run.Output[1], "Cc")!);
        // Groups are expanded one level only: the nested group itself has no mail.
        Assert.Empty((string[])Prop(run.Output[2], "To")!);

        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("bob@test.local", Group("Sales")));
        Assert.Equal($"{Group("Sales")} was modified", delivered.Subject);
        Assert.Equal("ObjectModified", delivered.Headers["X-MessagingProvider-Event"]);
        Assert.Equal(new[] { "alice@test.local", "BOB@test.local" }, delivered.To.Mailboxes.Select(m => m.Address).ToArray());
        Assert.Equal(new[] { "erin@test.local" }, delivered.Cc.Mailboxes.Select(m => m.Address).ToArray());
        Assert.Contains("modified by erin@test.local", delivered.TextBody);
        Assert.Single(_server.Mail.WaitFor("carol@test.local", Group("Support")));
    }

    [Fact]
    public void ConnectionDroppedMidDataIsReEstablishedAndTheMessageSentOnce()
    {
        _proxy.DropDuringData("ivan@test.local");

        RunResult run = _session.Run("@($args[0], $args[1]) | Send-Notification -IdentityStore Contoso -Event ObjectModified -To ivan@test.local -Verbose",
            Group("First"), Group("Second"));

        Assert.Empty(run.Errors);
        Assert.Equal(new[] { 2, 1 }, run.Output.Select(r => (int)Prop(r, "Attempts")!).ToArray());
        Assert.All(run.Output, r => Assert.Equal("Sent", Prop(r, "Status")!.ToString()));
        Assert.Equal(2, _proxy.Connections);
        Assert.Contains(run.Verbose, v => v.Contains("connection was lost", StringComparison.Ordinal));
        Assert.Single(_server.Mail.WaitFor("ivan@test.local", Group("First")));
        Assert.Single(_server.Mail.WaitFor("ivan@test.local", Group("Second")));
    }

    [Fact]
    public void TemporaryFailuresAreRetriedWithBackOffOnTheSameConnection()
    {
        _proxy.TempFail("judy@test.local", times: 2);

        RunResult run = _session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To judy@test.local -RetryDelay '00:00:00.05' -Verbose", Group("Flaky"));

        PSObject result = run.Single();
        Assert.Equal("Sent", Prop(result, "Status")!.ToString());
        Assert.Equal(3, Prop(result, "Attempts"));
        Assert.Equal(1, _proxy.Connections);
        Assert.Equal(2, run.Verbose.Count(v => v.StartsWith("Temporary failure (451", StringComparison.Ordinal)));
        Assert.Single(_server.Mail.WaitFor("judy@test.local", Group("Flaky")));
    }

    [Fact]
    public void PermanentFailureIsNotRetriedAndTheRestOfThePipelineIsSent()
    {
        RunResult run = _session.Run(@"
            Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To rejected@test.local -RetryDelay '00:00:00.05'
            Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[1] -To mallory@test.local",
            Group("Rejected"), Group("Fine"));

        ErrorRecord error = run.SingleError();
        Assert.Equal("SmtpRecipientRejected,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("550 5.1.1", error.Exception.Message);
        Assert.Equal("Failed", Prop(run.Output[0], "Status")!.ToString());
        Assert.Equal(1, Prop(run.Output[0], "Attempts"));
        Assert.Equal("Sent", Prop(run.Output[1], "Status")!.ToString());
        Assert.Single(_server.Mail.WaitFor("mallory@test.local", Group("Fine")));
    }

    [Fact]
    public void WhatIfSendsNothingAndOpensNoConnection()
    {
        RunResult run = _session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To niaj@test.local -WhatIf", Group("WhatIf"));

        PSObject result = run.Single();
        Assert.Equal("Skipped", Prop(result, "Status")!.ToString());
        Assert.Equal("-WhatIf", Prop(result, "Reason"));
        Assert.Equal(new[] { "niaj@test.local" }, (string[])Prop(result, "To")!);
        Assert.Equal(0, _proxy.Connections);
        Assert.Empty(_server.Mail.Find("niaj@test.local", Group("WhatIf")));
    }

    [Fact]
    public void MemberAddedToAPublicGroupNotifiesTheNewMemberAndTheOwners()
    {
        _session.Run("Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners:$false").ThrowIfErrors();
        RunResult run = _session.Run("Send-Notification -IdentityStore Contoso -Event MemberAdded -InputObject @{ Name = $args[0]; ObjectClass = 'group'; GroupSecurity = 'Public'; Owners = 'olivia@test.local' } -Member @{ Name = 'Peggy'; Mail = 'peggy@test.local' }",
            Group("Public"));

        PSObject result = run.Single();
        Assert.Equal(new[] { "peggy@test.local", "olivia@test.local" }, (string[])Prop(result, "To")!);
        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("olivia@test.local", Group("Public")));
        Assert.Equal($"Peggy added to {Group("Public")}", delivered.Subject);
    }

    [Fact]
    public void LifeCycleNotificationsFollowThePolicyAndTheDueOnesArePipedIntoTheSender()
    {
        var off = _session.Run("Send-Notification -IdentityStore Contoso -Event MembershipAdded -InputObject $args[0] -Member rupert@test.local", Group("Off")).Single();
        Assert.Equal("Skipped", Prop(off, "Status")!.ToString());
        Assert.Contains("life-cycle", (string)Prop(off, "Reason")!);

        _session.Run("Set-NotificationPolicy -IdentityStore Contoso -MembershipDaysBeforeLeave 2").ThrowIfErrors();
        RunResult run = _session.Run(@"
            $today = [datetime]'2026-03-10'
            @(
                [pscustomobject]@{ Group = @{ Name = $args[0] }; Member = 'rupert@test.local'; EndDate = $today.AddDays(2) },
                [pscustomobject]@{ Group = @{ Name = $args[1] }; Member = 'sybil@test.local'; EndDate = $today.AddDays(3) }
            ) | Get-DueNotification -IdentityStore Contoso -Date $today | Send-Notification", Group("Due"), Group("NotDue"));

        PSObject sent = run.Single();
        Assert.Equal("MembershipExpiring", Prop(sent, "Event"));
        Assert.Equal(new[] { "rupert@test.local" }, (string[])Prop(sent, "To")!);
        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("rupert@test.local", Group("Due")));
        Assert.Equal($"Your membership of {Group("Due")} ends in 2 day(s)", delivered.Subject);
        Assert.Contains("on 2026-03-12", delivered.TextBody);
    }

    [Fact]
    public void CustomTemplateReplacesTheBuiltInOneForThatEvent()
    {
        _session.Run("Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Subject '[{IdentityStore}] {Object} changed' -Body 'Changed by {ChangedBy}. Event {Event}.'").ThrowIfErrors();

        _session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To trent@test.local -ChangedBy victor@test.local", Group("Custom")).ThrowIfErrors();

        MimeMessage delivered = Assert.Single(_server.Mail.WaitFor("trent@test.local", Group("Custom")));
        Assert.Equal($"[Contoso] {Group("Custom")} changed", delivered.Subject);
        Assert.Equal("Changed by victor@test.local. Event ObjectModified.", delivered.TextBody.Trim());
    }

    [Fact]
    public void ServerDeferralThatNeverClearsFailsAfterMaxAttempts()
    {
        RunResult run = _session.Run("Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $args[0] -To deferred@test.local -MaxAttempts 3 -RetryDelay '00:00:00.02'", Group("Deferred"));

        PSObject result = Assert.Single(run.Output);
        Assert.Equal("Failed", Prop(result, "Status")!.ToString());
        Assert.Equal(3, Prop(result, "Attempts"));
        ErrorRecord error = run.SingleError();
        Assert.Equal("SmtpRecipientRejected,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Contains("450 4.2.1", error.Exception.Message);
        Assert.Contains("temporary", error.Exception.Message);
        Assert.Equal(1, _proxy.Connections);
    }

    [Fact]
    public void ConnectionFailureStopsThePipelineOnceWithTheStageReason()
    {
        _session.Run("Set-SmtpServer -IdentityStore Contoso -Authentication Basic -Credential $args[0]",
            MailServerCollection.Credential(MailServerFixture.SenderUser, "wrong-password")).ThrowIfErrors();

        RunResult run = _session.Run("@($args[0], $args[1]) | Send-Notification -IdentityStore Contoso -Event ObjectModified -To walter@test.local -Verbose", Group("A"), Group("B"));

        Assert.Empty(run.Output);
        ErrorRecord error = run.SingleError();
        Assert.Equal("SmtpAuthenticationFailed,MessagingProvider.Commands.SendNotificationCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.AuthenticationError, error.CategoryInfo.Category);
        Assert.Contains("535", error.Exception.Message);
        Assert.Equal(1, _proxy.Connections);
    }
}

using System;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Runspaces;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests;

/// <summary>The mail-enabled object cmdlets against stand-in Exchange server processes over real PowerShell remoting.</summary>
public sealed class MailEnabledObjectTests
{
    private const string AdGroups =
        "@([pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Sales Team,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'SalesTeam'; Name = 'Sales Team' }, " +
        " [pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Finance,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'Finance'; Name = 'Finance' })";

    private static string Groups(params string[] names) =>
        "@(" + string.Join(", ", names.Select(n => $"[pscustomobject]@{{ DistinguishedName = 'CN={n},OU=Groups,DC=contoso,DC=com'; SamAccountName = '{n}'; Name = '{n}' }}")) + ")";

    [Fact]
    public void GroupsFromTheDirectoryAreMailEnabledOnThePriorityOneServer()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchB", "ExchA");
        lab.Start("ExchA");
        lab.Start("ExchB");

        RunResult run = session.Run(AdGroups + " | Enable-MailEnabledGroup -Verbose");

        run.ThrowIfErrors();
        Assert.Equal(2, run.Output.Count);
        PSObject first = run.Output[0];
        Assert.Equal("MessagingProvider.Output.MailEnabledObjectResult", first.TypeNames[0]);
        Assert.Equal("SalesTeam@contoso.com", first.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal("ExchB", first.Properties["Server"].Value);
        Assert.Equal("Enable-DistributionGroup", first.Properties["Command"].Value);
        Assert.Equal("Finance@contoso.com", run.Output[1].Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(new[]
        {
            ("ExchB", "Enable-DistributionGroup", "CN=Sales Team,OU=Groups,DC=contoso,DC=com"),
            ("ExchB", "Enable-DistributionGroup", "CN=Finance,OU=Groups,DC=contoso,DC=com"),
        }, lab.Journal());
        Assert.Contains(run.Verbose, v => v.StartsWith("Exchange server 'ExchB': Enable-DistributionGroup -Identity -Alias succeeded (", StringComparison.Ordinal));
        // One session for all pipeline input of the invocation.
        Assert.Single(run.Verbose, v => v == "Exchange server 'ExchB': opening a remote PowerShell session.");
    }

    [Fact]
    public void StoppingTheCommandWhileAServerHangsEndsPromptlyAndChangesNothing()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchHung", "ExchB");
        var hung = lab.Start("ExchHung");
        lab.Start("ExchB");
        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 600").ThrowIfErrors();
        System.Diagnostics.Process.Start("kill", new[] { "-STOP", hung.ProcessId.ToString() })!.WaitForExit();
        try
        {
            using PowerShell ps = PowerShell.Create();
            ps.Runspace = session.Runspace;
            ps.AddCommand("Enable-MailEnabledGroup").AddParameter("IdentityStore", "Contoso").AddParameter("Identity", "Sales");
            IAsyncResult pending = ps.BeginInvoke();
            System.Threading.Thread.Sleep(1000);

            // Ctrl+C: without StopProcessing cancelling the open, Stop would wait for the 10-minute open timeout.
            ps.Stop();

            Assert.Equal(PSInvocationState.Stopped, ps.InvocationStateInfo.State);
            Assert.True(pending.IsCompleted);
            Assert.Empty(lab.Journal());
        }
        finally
        {
            System.Diagnostics.Process.Start("kill", new[] { "-CONT", hung.ProcessId.ToString() })!.WaitForExit();
        }
    }

    [Fact]
    public void GonePriorityOneServerFailsOverToPriorityTwo()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA", "ExchB");
        lab.Start("ExchA").Kill();
        lab.Start("ExchB");

        RunResult run = session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Verbose");

        Assert.Equal("ExchB", run.Single().Properties["Server"].Value);
        Assert.Equal(new[] { ("ExchB", "Enable-DistributionGroup", "Sales") }, lab.Journal());
        Assert.Contains(run.Verbose, v => v.StartsWith("Exchange server 'ExchA': connection failed after ", StringComparison.Ordinal));
    }

    [Fact]
    public void ServerKilledMidPipelineHandsTheRestToTheNextServerWithoutDoingAnythingTwice()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA", "ExchB");
        lab.Start("ExchA", new Dictionary<string, string> { ["STANDIN_EXIT_AFTER_CHANGES"] = "2" });
        lab.Start("ExchB");

        RunResult run = session.Run(Groups("G1", "G2", "G3", "G4") + " | Enable-MailEnabledGroup -IdentityStore Contoso");

        run.ThrowIfErrors();
        Assert.True(lab["ExchA"].HasExited);
        Assert.Equal(new[] { "G1@contoso.com", "G2@contoso.com", "G3@contoso.com", "G4@contoso.com" }, run.Output.Select(o => (string)o.Properties["PrimarySmtpAddress"].Value));
        Assert.Equal(new[] { "ExchA", "ExchA", "ExchB", "ExchB" }, run.Output.Select(o => (string)o.Properties["Server"].Value));
        var journal = lab.Journal();
        Assert.Equal(4, journal.Count);
        Assert.Equal(4, journal.Select(j => j.Identity).Distinct().Count());
        Assert.Equal(new[] { "ExchA", "ExchA", "ExchB", "ExchB" }, journal.Select(j => j.Server));
    }

    [Fact]
    public void ExchangeErrorIsAnErrorRecordNamingTheServerWithoutFailover()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA", "ExchB");
        lab.Start("ExchA");
        lab.Start("ExchB");
        session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales").ThrowIfErrors();

        RunResult again = session.Run("'Sales', 'Finance' | Enable-MailEnabledGroup -IdentityStore Contoso");

        ErrorRecord error = again.SingleError();
        Assert.Equal("ExchangeCommandFailed,MessagingProvider.Commands.EnableMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidOperation, error.CategoryInfo.Category);
        Assert.Contains("Exchange server 'ExchA'", error.Exception.Message);
        Assert.Contains("already mail-enabled", error.Exception.Message);
        Assert.Equal("Finance@contoso.com", Assert.Single(again.Output).Properties["PrimarySmtpAddress"].Value);
        Assert.DoesNotContain(lab.Journal(), j => j.Server == "ExchB");
    }

    [Fact]
    public void FailedServerIsSkippedDuringTheCooldownUnlessItIsTurnedOff()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA", "ExchB");
        lab.Start("ExchA").Kill();
        lab.Start("ExchB");
        session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity G1").ThrowIfErrors();

        RunResult cooling = session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity G2 -Verbose");
        Assert.Equal("ExchB", cooling.Single().Properties["Server"].Value);
        Assert.Contains(cooling.Verbose, v => v.StartsWith("Exchange server 'ExchA': skipped, it failed recently", StringComparison.Ordinal));
        Assert.DoesNotContain(cooling.Verbose, v => v.Contains("'ExchA': connection failed"));

        session.Run("Set-ExchangeConnectionOption -IdentityStore Contoso -FailoverCooldownSeconds 0").ThrowIfErrors();
        RunResult noCooldown = session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity G3 -Verbose");
        Assert.Equal("ExchB", noCooldown.Single().Properties["Server"].Value);
        Assert.Contains(noCooldown.Verbose, v => v.StartsWith("Exchange server 'ExchA': connection failed", StringComparison.Ordinal));
    }

    [Fact]
    public void AllServersDownGivesOneErrorNamingEachServer()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA", "ExchB");

        RunResult run = session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales");

        ErrorRecord error = run.SingleError();
        Assert.Equal("ExchangeServersUnavailable,MessagingProvider.Commands.EnableMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ConnectionError, error.CategoryInfo.Category);
        Assert.Contains("ExchA: ", error.Exception.Message);
        Assert.Contains("ExchB: ", error.Exception.Message);
        Assert.Empty(run.Output);
    }

    [Fact]
    public void PasswordIsRefusedUnderKerberosBeforeAnyConnection()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Kerberos", "ExchA");
        session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New").ThrowIfErrors();

        RunResult run = session.Run("New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password $args[0] -Verbose",
            new System.Net.NetworkCredential("", "Initial-1").SecurePassword);

        ErrorRecord error = run.SingleError();
        Assert.Equal("PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Negotiate or CredSSP", error.Exception.Message);
        Assert.DoesNotContain(run.Verbose, v => v.StartsWith("Exchange server", StringComparison.Ordinal));
    }

    [Fact]
    public void PasswordIsSetOnCreationUnderNegotiate()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");
        session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New").ThrowIfErrors();

        RunResult run = session.Run("New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password $args[0]",
            new System.Net.NetworkCredential("", "Initial-1").SecurePassword);

        PSObject result = run.Single();
        Assert.Equal("Ann.Smith@contoso.com", result.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal("New-Mailbox", result.Properties["Command"].Value);
        Assert.Equal(new[] { ("ExchA", "New-Mailbox", "Ann Smith") }, lab.Journal());
    }

    [Fact]
    public void PasswordIsRefusedWhenNotCreating()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");

        RunResult run = session.Run("New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -Password $args[0]",
            new System.Net.NetworkCredential("", "Initial-1").SecurePassword);

        Assert.Equal("PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Contains("only when Exchange creates the user", run.SingleError().Exception.Message);
    }

    [Fact]
    public void HybridStoreEnablesRemoteMailboxesAndMailUsers()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");
        session.Run("Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Deployment Hybrid").ThrowIfErrors();

        RunResult run = session.Run(
            "[pscustomobject]@{ DistinguishedName = 'CN=Ann Smith,OU=Users,DC=contoso,DC=com'; SamAccountName = 'asmith'; GivenName = 'Ann'; Surname = 'Smith' } | Enable-MailEnabledUser -IdentityStore Contoso; " +
            "Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -GivenName Bob -Surname Jones -ExternalEmailAddress bob@fabrikam.com");

        run.ThrowIfErrors();
        Assert.Equal(new[] { "asmith@contoso.com", "Bob.Jones@contoso.com" }, run.Output.Select(o => (string)o.Properties["PrimarySmtpAddress"].Value));
        Assert.Equal(new[] { "Enable-RemoteMailbox", "Enable-MailUser" }, lab.Journal().Select(j => j.Command));
    }

    [Fact]
    public void ContactsAreCreatedAndEnabled()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");

        RunResult run = session.Run(
            "New-MailEnabledContact -IdentityStore Contoso -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com; " +
            "Enable-MailEnabledContact -IdentityStore Contoso -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com");

        run.ThrowIfErrors();
        Assert.Equal(new[] { "Pat.Lee@contoso.com", "KimIto@contoso.com" }, run.Output.Select(o => (string)o.Properties["PrimarySmtpAddress"].Value));
        Assert.Equal(new[] { "New-MailContact", "Enable-MailContact" }, lab.Journal().Select(j => j.Command));
    }

    [Fact]
    public void NewGroupIsCreatedAndWhatIfChangesNothing()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");

        RunResult whatIf = session.Run("New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -WhatIf");
        Assert.Empty(whatIf.ThrowIfErrors().Output);
        Assert.Empty(lab.Journal());

        PSObject created = session.Run("New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -Alias projectx").Single();
        Assert.Equal("projectx@contoso.com", created.Properties["PrimarySmtpAddress"].Value);
        Assert.Equal(new[] { ("ExchA", "New-DistributionGroup", "Project X") }, lab.Journal());
    }

    [Fact]
    public void ExistingNameIsAnExchangeErrorNamingTheServer()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");
        session.Run("New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X'").ThrowIfErrors();

        ErrorRecord error = session.Run("New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X'").SingleError();

        Assert.Equal("ExchangeCommandFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.ResourceExists, error.CategoryInfo.Category);
        Assert.Contains("Exchange server 'ExchA'", error.Exception.Message);
    }

    [Fact]
    public void MalformedExternalAddressIsRefusedBeforeAnyConnection()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");

        RunResult run = session.Run("Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -ExternalEmailAddress 'not an address'");

        Assert.Equal("InvalidEmailAddress,MessagingProvider.Commands.EnableMailEnabledUserCommand", run.SingleError().FullyQualifiedErrorId);
        Assert.Empty(lab.Journal());
    }

    [Fact]
    public void InvalidAliasIsRefusedBeforeAnyConnection()
    {
        using var session = new ModuleSession();
        using var lab = new ExchangeLab(session, "Negotiate", "ExchA");
        lab.Start("ExchA");

        RunResult run = session.Run("Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Alias 'sales team' -Verbose");

        ErrorRecord error = run.SingleError();
        Assert.Equal("InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Equal(ErrorCategory.InvalidArgument, error.CategoryInfo.Category);
        Assert.Contains("a space", error.Exception.Message);
        Assert.DoesNotContain(run.Verbose, v => v.StartsWith("Exchange server", StringComparison.Ordinal));
        Assert.Empty(lab.Journal());
    }

    [Fact]
    public void ProviderNoneIsRefused()
    {
        using var session = new ModuleSession();
        session.Run("$null = New-IdentityStore -Name Plain").ThrowIfErrors();

        RunResult run = session.Run("Enable-MailEnabledGroup -IdentityStore Plain -Identity Sales");

        ErrorRecord error = run.SingleError();
        Assert.Equal("NoMessagingProvider,MessagingProvider.Commands.EnableMailEnabledGroupCommand", error.FullyQualifiedErrorId);
        Assert.Contains("Set-MessagingProvider", error.Exception.Message);
    }

    [Fact]
    public void ProviderOtherReturnsTheComputedAddressWithoutAnyConnection()
    {
        using var session = new ModuleSession();
        int connections = 0;
        ExchangeConnectionSeam.Route(server => { connections++; return new NamedPipeConnectionInfo(int.MaxValue - 7); });
        try
        {
            session.Run("$null = New-IdentityStore -Name Groups; Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -MaximumAliasLength 20 -Force").ThrowIfErrors();

            RunResult run = session.Run("Enable-MailEnabledGroup -IdentityStore Groups -Identity 'CN=Sales Team,OU=Groups,DC=contoso,DC=com'; " +
                                        "Enable-MailEnabledGroup -IdentityStore Groups -Identity Long -Alias averyveryverylongaliasname");

            PSObject result = Assert.Single(run.Output);
            Assert.Equal("SalesTeam@googlegroups.com", result.Properties["PrimarySmtpAddress"].Value);
            Assert.Null(result.Properties["Server"].Value);
            Assert.Equal("Other", result.Properties["Provider"].Value.ToString());
            Assert.Equal("InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand", Assert.Single(run.Errors).FullyQualifiedErrorId);
            Assert.Equal(0, connections);
        }
        finally
        {
            ExchangeConnectionSeam.Route(null);
        }
    }
}

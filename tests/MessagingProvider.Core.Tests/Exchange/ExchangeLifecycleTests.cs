using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Output;
using MessagingProvider.Recipients;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

/// <summary>Reads, removals and address checks of the Exchange provider against stand-in server processes.</summary>
public sealed class ExchangeLifecycleTests
{
    private static ExchangeMailEnabledObjectProvider Provider(RunnerFixture fixture, params string[] servers) =>
        new ExchangeMailEnabledObjectProvider("Contoso", new OnPremisesRecipientCommands(new ExchangeSettings { Domain = "contoso.com" }), fixture.Runner(null, servers));

    [Fact]
    public async Task ARemovalWhoseServerDiedAfterDoingItIsNotRepeatedOnTheNext()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA", new Dictionary<string, string> { ["STANDIN_EXIT_AFTER_CHANGES"] = "1" });
        fixture.Start("ExchB");
        fixture.Directory.SeedRecipient("Sales", "MailUniversalDistributionGroup", "SMTP:sales@contoso.com");
        using ExchangeMailEnabledObjectProvider provider = Provider(fixture, "ExchA", "ExchB");

        MailEnabledObjectRemoval removal = (await provider.RemoveAsync(MailEnabledObjectKind.Group, "Sales", disable: false, _ => true, CancellationToken.None))!;

        Assert.True(fixture["ExchA"].HasExited);
        Assert.True(removal.CompletedBeforeFailover);
        Assert.Equal("ExchA", removal.Server);
        Assert.Equal(new[] { ("ExchA", "Remove-DistributionGroup", "Sales") }, fixture.Journal());
    }

    [Fact]
    public async Task ARemovalIsMadeOnTheNextServerWhenTheCheckStillFindsTheObject()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        fixture.Start("ExchB");
        fixture.Directory.SeedRecipient("Sales", "MailUniversalDistributionGroup", "SMTP:sales@contoso.com");
        using ExchangeCommandRunner runner = fixture.Runner(null, "ExchA", "ExchB");
        FailoverCheck check = ExchangeRemovalCommands.Done(MailEnabledObjectKind.Group, "Sales");

        // The object is there: the check says not done, so a command after a drop would run again.
        ExchangeRunResult read = await runner.InvokeAsync(check.Command, (ExchangeCommand?)null, CancellationToken.None);
        Assert.False(check.IsDone(read));
        await runner.RunAsync(ExchangeRemovalCommands.For(MailEnabledObjectKind.Group, "MailUniversalDistributionGroup", "Sales", disable: false), check, "Sales", CancellationToken.None);
        Assert.True(check.IsDone((await runner.InvokeAsync(check.Command, (ExchangeCommand?)null, CancellationToken.None))));
    }

    [Fact]
    public async Task DeclinedRemovalSendsNothing()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        fixture.Directory.SeedRecipient("asmith", "UserMailbox", "SMTP:asmith@contoso.com");
        using ExchangeMailEnabledObjectProvider provider = Provider(fixture, "ExchA");
        string? asked = null;

        MailEnabledObjectRemoval? removal = await provider.RemoveAsync(MailEnabledObjectKind.User, "asmith", disable: true, what => { asked = what; return false; }, CancellationToken.None);

        Assert.Null(removal);
        Assert.StartsWith("Disable-Mailbox (UserMailbox) on Exchange (ExchA)", asked);
        Assert.Empty(fixture.Journal());
    }

    [Fact]
    public async Task AcceptedDomainsAreReadOncePerProviderAndEachAddressIsLookedUp()
    {
        using var fixture = new RunnerFixture();
        fixture.Start("ExchA");
        fixture.Directory.SetAcceptedDomains("contoso.com", "*.fabrikam.com");
        fixture.Directory.SeedRecipient("Sales", "MailUniversalDistributionGroup", "SMTP:sales@contoso.com", "smtp:vertrieb@contoso.com");
        using ExchangeMailEnabledObjectProvider provider = Provider(fixture, "ExchA");

        var checks = new List<EmailAddressCheck>();
        foreach (string a in new[] { "vertrieb@contoso.com", "new@eu.fabrikam.com", "x@tailspin.com" }) checks.Add(await provider.Addresses.CheckAsync(a, CancellationToken.None));

        Assert.Equal(new[] { false, true, false }, checks.Select(c => c.IsAvailable));
        Assert.Equal("Sales", checks[0].HeldBy);
        Assert.Equal(1, provider.Addresses.AcceptedDomainReads);
        Assert.Single(fixture.Directory.Reads(), r => r.Command == "Get-AcceptedDomain");
        var error = await Assert.ThrowsAsync<MessagingProviderException>(() => provider.Addresses.RequireAsync("vertrieb@contoso.com", "New", CancellationToken.None));
        Assert.Equal(ErrorIds.EmailAddressInUse, error.ErrorId);
        Assert.Equal(ErrorKind.AlreadyExists, error.Kind);
    }

    [Theory]
    [InlineData(MailEnabledObjectKind.Group, null, false, "Remove-DistributionGroup")]
    [InlineData(MailEnabledObjectKind.Group, null, true, "Disable-DistributionGroup")]
    [InlineData(MailEnabledObjectKind.User, "UserMailbox", false, "Remove-Mailbox")]
    [InlineData(MailEnabledObjectKind.User, "RemoteUserMailbox", true, "Disable-RemoteMailbox")]
    [InlineData(MailEnabledObjectKind.User, "MailUser", false, "Remove-MailUser")]
    [InlineData(MailEnabledObjectKind.Contact, "MailContact", true, "Disable-MailContact")]
    public void TheRemovalCmdletFollowsTheKindAndType(MailEnabledObjectKind kind, string? type, bool disable, string cmdlet)
    {
        ExchangeCommand command = ExchangeRemovalCommands.For(kind, type, "x", disable);
        Assert.Equal(cmdlet, command.Name);
        Assert.Equal(false, command["Confirm"]);
    }

    [Fact]
    public void QueriesQuoteTheirValues()
    {
        ExchangeCommand byName = ExchangeRecipientQueries.Find(new MailEnabledObjectQuery { Kind = MailEnabledObjectKind.Contact, Name = "O'Brien*", ResultSize = null });
        Assert.Equal("Name -like 'O''Brien*'", byName["Filter"]);
        Assert.Equal("Unlimited", byName["ResultSize"]);
        Assert.Equal(new[] { "MailContact" }, byName["RecipientTypeDetails"]);
        Assert.Equal("EmailAddresses -eq 'smtp:a@contoso.com'", ExchangeRecipientQueries.Holder(" a@contoso.com ")["Filter"]);
    }
}

using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Exchange.Status;
using Xunit;

namespace MessagingProvider.Core.Tests.Exchange;

public sealed class ServerSyncTests
{
    [Theory]
    [InlineData("Version 15.0 (Build 1497.2)", ExchangeVersion.Exchange2013)]
    [InlineData("Version 15.1 (Build 2507.6)", ExchangeVersion.Exchange2016)]
    [InlineData("Version 15.2 (Build 1544.4)", ExchangeVersion.Exchange2019)]
    [InlineData("Version 15.2 (Build 2561.99)", ExchangeVersion.Exchange2019)]
    [InlineData("Version 15.2 (Build 2562.17)", ExchangeVersion.SE)]
    [InlineData("Version 15.2 (Build 2562.37)", ExchangeVersion.SE)]
    [InlineData("15.2.3000.1", ExchangeVersion.SE)]
    [InlineData("15.1.2507.6", ExchangeVersion.Exchange2016)]
    public void AdminDisplayVersionMapsToTheProductVersion(string text, ExchangeVersion expected) =>
        Assert.Equal(expected, ExchangeVersionMap.FromAdminDisplayVersion(text));

    [Theory]
    [InlineData("Version 14.3 (Build 123.4)")]
    [InlineData("")]
    [InlineData("garbage")]
    public void UnknownVersionsMapToNothing(string text) => Assert.Null(ExchangeVersionMap.FromAdminDisplayVersion(text));

    [Fact]
    public void KeepsPrioritiesAppendsNewRemovesMissingAndSkipsEdge()
    {
        var settings = new ExchangeSettings
        {
            Servers = new List<ExchangeServerEntry>
            {
                new ExchangeServerEntry { Name = "exchb.contoso.com", Priority = 1 },
                new ExchangeServerEntry { Name = "old.contoso.com", Priority = 2 },
                new ExchangeServerEntry { Name = "EXCHA", Priority = 3 },
            },
        };
        var discovered = new[]
        {
            new DiscoveredServer("EXCHA", "excha.contoso.com", "Version 15.2 (Build 1544.4)", "Mailbox"),
            new DiscoveredServer("EXCHC", "exchc.contoso.com", "Version 15.2 (Build 2562.17)", "Mailbox"),
            new DiscoveredServer("EDGE1", "edge1.contoso.com", "Version 15.2 (Build 1544.4)", "Edge"),
            new DiscoveredServer("EXCHB", "exchb.contoso.com", "Version 15.1 (Build 2507.6)", "Mailbox, ClientAccess"),
        };

        ServerSyncPlan plan = ServerSyncPlan.Create(settings.Servers, discovered);
        plan.Apply(settings, plan.Removed.ToList(), addAndRecordVersions: true);

        Assert.Equal(new[] { "old.contoso.com" }, plan.Removed);
        Assert.Equal(new[] { "edge1.contoso.com" }, plan.Skipped.Select(s => s.Name));
        Assert.Equal(new[] { ("exchb.contoso.com", 1, "2016"), ("EXCHA", 2, "2019"), ("exchc.contoso.com", 3, "SE") },
            settings.Servers.OrderBy(s => s.Priority).Select(s => (s.Name, s.Priority, s.Version!)));
    }

    [Fact]
    public void UnconfirmedRemovalsStay()
    {
        var settings = new ExchangeSettings { Servers = new List<ExchangeServerEntry> { new ExchangeServerEntry { Name = "old.contoso.com", Priority = 1 } } };
        ServerSyncPlan plan = ServerSyncPlan.Create(settings.Servers, new[] { new DiscoveredServer("EXCHA", null, "Version 15.2 (Build 1544.4)", "Mailbox") });
        plan.Apply(settings, new List<string>(), addAndRecordVersions: true);
        Assert.Equal(new[] { "old.contoso.com", "EXCHA" }, settings.Servers.OrderBy(s => s.Priority).Select(s => s.Name));
    }
}

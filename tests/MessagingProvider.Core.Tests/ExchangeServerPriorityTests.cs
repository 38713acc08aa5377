using System;
using System.Collections.Generic;
using System.Linq;
using MessagingProvider.Configuration;
using MessagingProvider.Errors;
using MessagingProvider.Exchange;

namespace MessagingProvider.Core.Tests;

public sealed class ExchangeServerPriorityTests
{
    private static List<ExchangeServerEntry> Servers(params string[] names)
    {
        var list = new List<ExchangeServerEntry>();
        ExchangeServerChanges.Add(list, names, new Random(1));
        return list;
    }

    private static string Order(List<ExchangeServerEntry> list) =>
        string.Join(",", list.OrderBy(s => s.Priority).Select(s => $"{s.Priority}:{s.Name}"));

    [Fact]
    public void FirstAdditionGivesTopPriorityToARandomServer()
    {
        var firsts = new HashSet<string>();
        for (int seed = 0; seed < 60; seed++)
        {
            var list = new List<ExchangeServerEntry>();
            ExchangeServerChanges.Add(list, new[] { "ExchA", "ExchB", "ExchC" }, new Random(seed));
            Assert.Equal(new[] { 1, 2, 3 }, list.Select(s => s.Priority).OrderBy(p => p));
            firsts.Add(list.Single(s => s.Priority == 1).Name);
        }

        Assert.Equal(3, firsts.Count);
    }

    [Fact]
    public void LaterAdditionsGoLast()
    {
        var list = Servers("ExchA", "ExchB");
        ExchangeServerChanges.Add(list, new[] { "ExchC" });
        Assert.Equal("ExchC", list.Single(s => s.Priority == 3).Name);
    }

    [Theory]
    [InlineData("ExchC", 1, "1:ExchC,2:ExchA,3:ExchB,4:ExchD")]
    [InlineData("ExchA", 4, "1:ExchB,2:ExchC,3:ExchD,4:ExchA")]
    [InlineData("ExchB", 2, "1:ExchA,2:ExchB,3:ExchC,4:ExchD")]
    public void MovingAServerShiftsTheOthers(string server, int priority, string expected)
    {
        var list = new List<ExchangeServerEntry>();
        ExchangeServerChanges.Add(list, new[] { "ExchA" });
        ExchangeServerChanges.Add(list, new[] { "ExchB", "ExchC", "ExchD" });
        ExchangeServerChanges.SetPriority(list, server, priority);
        Assert.Equal(expected, Order(list));
    }

    [Fact]
    public void RemovingCloseRanks()
    {
        var list = new List<ExchangeServerEntry>();
        ExchangeServerChanges.Add(list, new[] { "ExchA" });
        ExchangeServerChanges.Add(list, new[] { "ExchB", "ExchC" });
        ExchangeServerChanges.Remove(list, new[] { "exchb" });
        Assert.Equal("1:ExchA,2:ExchC", Order(list));
    }

    [Fact]
    public void BadInputChangesNothing()
    {
        var list = new List<ExchangeServerEntry>();
        ExchangeServerChanges.Add(list, new[] { "ExchA" });
        ExchangeServerChanges.Add(list, new[] { "ExchB" });
        string before = Order(list);

        Assert.Equal(ErrorIds.ExchangeServerAlreadyExists, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.Add(list, new[] { "ExchC", "EXCHA" })).ErrorId);
        Assert.Equal(ErrorIds.ExchangeServerAlreadyExists, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.Add(list, new[] { "ExchC", "exchc" })).ErrorId);
        Assert.Equal(ErrorIds.ExchangeServerNotFound, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.SetPriority(list, "ExchZ", 1)).ErrorId);
        Assert.Equal(ErrorIds.ExchangeServerPriorityOutOfRange, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.SetPriority(list, "ExchA", 3)).ErrorId);
        Assert.Equal(ErrorIds.ExchangeServerPriorityOutOfRange, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.SetPriority(list, "ExchA", 0)).ErrorId);
        Assert.Equal(ErrorIds.ExchangeServerNotFound, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.Remove(list, new[] { "ExchA", "ExchZ" })).ErrorId);
        Assert.Equal(ErrorIds.InvalidServerName, Assert.Throws<MessagingProviderException>(() => ExchangeServerChanges.Add(list, new[] { "bad name!" })).ErrorId);
        Assert.Equal(before, Order(list));
    }

    [Fact]
    public void ReplaceKeepsOrderAndStatusOfServersThatStay()
    {
        var list = new List<ExchangeServerEntry>();
        ExchangeServerChanges.Add(list, new[] { "ExchA" });
        ExchangeServerChanges.Add(list, new[] { "ExchB", "ExchC" });
        list.Single(s => s.Name == "ExchC").Status = ServerStatus.Online;

        ExchangeServerChanges.Replace(list, new[] { "ExchD", "ExchC", "ExchA" });
        Assert.Equal("1:ExchA,2:ExchC,3:ExchD", Order(list));
        Assert.Equal(ServerStatus.Online, list.Single(s => s.Name == "ExchC").Status);
    }
}

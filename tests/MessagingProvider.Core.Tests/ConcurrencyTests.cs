using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using MessagingProvider.Configuration;

namespace MessagingProvider.Core.Tests;

public sealed class ConcurrencyTests
{
    private static ConfigurationStore ExchangeStore(TempDirectory dir)
    {
        var store = new ConfigurationStore(dir.Path);
        store.Create("Contoso");
        store.Update("Contoso", d =>
        {
            d.Messaging.Provider = MessagingProviderType.Exchange;
            d.Messaging.Exchange = new ExchangeSettings { Domain = "contoso.com" };
        });
        return store;
    }

    [Fact]
    public void TwoProcessesUpdatingTheSameStoreLoseNothing()
    {
        using var dir = new TempDirectory();
        ConfigurationStore store = ExchangeStore(dir);
        const int perProcess = 150;

        using Process first = TestToolProcess.Start("add-domains", dir.Path, "Contoso", "p1", perProcess.ToString());
        using Process second = TestToolProcess.Start("add-domains", dir.Path, "Contoso", "p2", perProcess.ToString());
        // Updates from this process too, interleaved with the two others.
        for (int i = 0; i < 50; i++)
        {
            store.Update("Contoso", d => d.Messaging.Exchange!.ExcludedSmtpDomains.Add($"p0-{i}.example.com"));
        }

        Assert.True(first.WaitForExit(120_000) && second.WaitForExit(120_000), "writers did not finish");
        Assert.True(first.ExitCode == 0, first.StandardError.ReadToEnd());
        Assert.True(second.ExitCode == 0, second.StandardError.ReadToEnd());

        var domains = store.Get("Contoso").Messaging.Exchange!.ExcludedSmtpDomains;
        Assert.Equal(2 * perProcess + 50, domains.Count);
        Assert.Equal(domains.Count, domains.Distinct().Count());
        Assert.Equal(perProcess, domains.Count(d => d.StartsWith("p1-", StringComparison.Ordinal)));
        Assert.Equal(perProcess, domains.Count(d => d.StartsWith("p2-", StringComparison.Ordinal)));
    }

    [Fact]
    public void AWriterKilledMidWriteLeavesALoadableFile()
    {
        using var dir = new TempDirectory();
        ConfigurationStore store = ExchangeStore(dir);
        var random = new Random(20261123);

        for (int kill = 0; kill < 6; kill++)
        {
            using Process writer = TestToolProcess.Start("rewrite-forever", dir.Path, "Contoso");
            Assert.Equal("ready", writer.StandardOutput.ReadLine());
            Thread.Sleep(random.Next(50, 400));
            writer.Kill();
            writer.WaitForExit();

            // Whatever moment the writer died at, the document is whole: the old or the new version.
            IdentityStoreDocument read = store.Get("Contoso");
            int count = read.Messaging.Exchange!.ExcludedSmtpDomains.Count;
            Assert.True(count == 0 || count == 2000, $"half-written document with {count} domains");
        }

        // Leftover temporary files from killed writers are never mistaken for documents.
        Assert.Single(store.List());
    }
}

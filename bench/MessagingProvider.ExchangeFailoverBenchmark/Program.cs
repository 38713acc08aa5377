using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Management.Automation.Runspaces;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Exchange.Remoting;
using MessagingProvider.Exchange.Status;
using MessagingProvider.TestSupport;

namespace MessagingProvider.ExchangeFailoverBenchmark;

/// <summary>
/// Exchange failover figures for docs/performance.md: one command through the runner (new
/// session, Get-ExchangeServer, close) when priority 1 is healthy, refuses, or hangs; and a status
/// probe of 100 servers of which half never answer. Usage: dotnet run -c Release [iterations]
/// </summary>
public static class Program
{
    private const int NoSuchProcess = int.MaxValue - 7;

    public static async Task<int> Main(string[] args)
    {
        int iterations = args.Length > 0 ? int.Parse(args[0]) : 15;
        using var directory = new StandInDirectory();
        directory.SetExchangeServers(("ExchB", "Version 15.2 (Build 1544.4)", "Mailbox"));
        using ExchangeServerProcess healthy = ExchangeServerProcess.Start("ExchB", directory);
        using ExchangeServerProcess hung = ExchangeServerProcess.Start("ExchHung", directory);
        var command = new ExchangeCommand("Get-ExchangeServer");
        TimeSpan openTimeout = TimeSpan.FromSeconds(2);

        RunspaceConnectionInfo Connect(string server)
        {
            int pid = server switch { "ExchB" => healthy.ProcessId, "ExchHung" => hung.ProcessId, _ => NoSuchProcess };
            return new NamedPipeConnectionInfo(pid) { OpenTimeout = (int)openTimeout.TotalMilliseconds };
        }

        async Task<double> Once(string scope, TimeSpan cooldown, params string[] servers)
        {
            var watch = Stopwatch.StartNew();
            using (var runner = new ExchangeCommandRunner("Bench", servers, Connect, cooldown, scope))
            {
                await runner.InvokeAsync(command, null, CancellationToken.None);
            }

            double ms = watch.Elapsed.TotalMilliseconds;
            // The engine's pipe listener needs a moment before the next client (see ExchangeServerProcess.ReconnectPause); outside the timing.
            Thread.Sleep(ExchangeServerProcess.ReconnectPause);
            return ms;
        }

        static async Task<List<double>> Times(int count, Func<Task<double>> once)
        {
            var times = new List<double>();
            for (int i = 0; i < count; i++) times.Add(await once());
            return times;
        }

        double Median(IEnumerable<double> values)
        {
            var sorted = values.OrderBy(v => v).ToArray();
            return sorted[sorted.Length / 2];
        }

        for (int i = 0; i < 3; i++) await Once("warm", TimeSpan.Zero, "ExchB");

        double direct = Median(await Times(iterations, () => Once("direct", TimeSpan.Zero, "ExchB")));
        double refused = Median(await Times(iterations, () => Once("refused", TimeSpan.Zero, "ExchGone", "ExchB")));

        Process.Start("kill", new[] { "-STOP", hung.ProcessId.ToString() })!.WaitForExit();
        double hangFirst = await Once("hang", TimeSpan.FromMinutes(5), "ExchHung", "ExchB");
        double hangNext = Median(await Times(iterations, () => Once("hang", TimeSpan.FromMinutes(5), "ExchHung", "ExchB")));
        Process.Start("kill", new[] { "-CONT", hung.ProcessId.ToString() })!.WaitForExit();

        Console.WriteLine($"iterations per figure: {iterations} (median)");
        Console.WriteLine($"priority 2 called directly:                 {direct,8:0} ms");
        Console.WriteLine($"priority 1 refuses (process gone):          {refused,8:0} ms  (+{refused - direct:0} ms)");
        Console.WriteLine($"priority 1 accepts, never answers (open timeout {openTimeout.TotalSeconds:0} s): {hangFirst,8:0} ms  (+{hangFirst - direct:0} ms)");
        Console.WriteLine($"next commands during the cool-down:         {hangNext,8:0} ms  (+{hangNext - direct:0} ms)");

        ProbeHundred(TimeSpan.FromSeconds(2));
        return 0;
    }

    private static void ProbeHundred(TimeSpan timeout)
    {
        var online = Enumerable.Range(0, 50).Select(_ => ProbeListener.Negotiate()).ToList();
        var dead = Enumerable.Range(0, 50).Select(_ => ProbeListener.Silent()).ToList();
        try
        {
            using HttpClient client = ExchangeServerProber.CreateClient(skipCertificateCheck: false);
            var ports = online.Concat(dead).Select(l => l.Port).ToList();
            var watch = Stopwatch.StartNew();
            Task<ServerProbeResult>[] probes = ports
                .Select(p => ExchangeServerProber.ProbeAsync(client, "127.0.0.1", false, p, new[] { p }, timeout, CancellationToken.None))
                .ToArray();
            Task.WaitAll(probes);
            double ms = watch.Elapsed.TotalMilliseconds;
            int up = probes.Count(p => p.Result.Status == MessagingProvider.Configuration.ServerStatus.Online);
            Console.WriteLine($"probe 100 servers (50 never answer), timeout {timeout.TotalMilliseconds:0} ms: {ms:0} ms = {ms / timeout.TotalMilliseconds:0.00} x timeout; online {up}, offline {100 - up}");
        }
        finally
        {
            foreach (ProbeListener l in online.Concat(dead)) l.Dispose();
        }
    }
}

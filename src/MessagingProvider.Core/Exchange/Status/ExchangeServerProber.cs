using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Configuration;

namespace MessagingProvider.Exchange.Status;

/// <summary>
/// Online/Offline for Exchange servers: TCP reachability of the connector's ports, and the
/// remote PowerShell endpoint answering GET /PowerShell/ with 401 and a Negotiate or Kerberos
/// challenge (what IIS in front of Exchange's PowerShell virtual directory does). Every probe of
/// every server runs at once with its own timeout, so many servers take about one timeout.
/// </summary>
public static class ExchangeServerProber
{
    public static async Task<IReadOnlyList<ServerProbeResult>> ProbeAllAsync(IEnumerable<string> servers, ExchangeSettings settings, CancellationToken cancellationToken)
    {
        ExchangeConnectionOptions options = settings.Connection;
        using HttpClient client = CreateClient(options.SkipCertificateCheck, options.SkipCertificateNameCheck);
        Task<ServerProbeResult>[] probes = servers
            .Select(server => ProbeAsync(client, server, settings.UseSsl, settings.UseSsl ? options.HttpsPort : options.HttpPort, options.ProbePorts,
                TimeSpan.FromSeconds(options.ProbeTimeoutSeconds), cancellationToken))
            .ToArray();
        ServerProbeResult[] results = await Task.WhenAll(probes).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();
        return results;
    }

    public static HttpClient CreateClient(bool skipCertificateCheck, bool skipCertificateNameCheck = false)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, UseDefaultCredentials = false };
        if (skipCertificateCheck || skipCertificateNameCheck)
        {
            System.Net.Security.SslPolicyErrors ignored =
                (skipCertificateCheck ? System.Net.Security.SslPolicyErrors.RemoteCertificateChainErrors : 0) |
                (skipCertificateNameCheck ? System.Net.Security.SslPolicyErrors.RemoteCertificateNameMismatch : 0);
            handler.ServerCertificateCustomValidationCallback = (_, _, _, errors) => (errors & ~ignored) == System.Net.Security.SslPolicyErrors.None;
        }
        return new HttpClient(handler) { Timeout = System.Threading.Timeout.InfiniteTimeSpan };
    }

    public static async Task<ServerProbeResult> ProbeAsync(HttpClient client, string server, bool useSsl, int endpointPort, IReadOnlyCollection<int> tcpPorts,
        TimeSpan timeout, CancellationToken cancellationToken)
    {
        Task<(int Port, string? Failure)>[] tcp = tcpPorts.Distinct().Select(p => ConnectAsync(server, p, timeout, cancellationToken)).ToArray();
        Task<(bool Online, string Reason, long Milliseconds)> http = EndpointAsync(client, server, useSsl, endpointPort, timeout, cancellationToken);
        Task<(int Port, string? Failure)[]> allTcp = Task.WhenAll(tcp);
        await Task.WhenAll(allTcp, http).ConfigureAwait(false);
        cancellationToken.ThrowIfCancellationRequested();

        var ports = (await allTcp.ConfigureAwait(false)).ToList();
        int[] open = ports.Where(p => p.Failure is null).Select(p => p.Port).OrderBy(p => p).ToArray();
        string portSummary = open.Length == ports.Count
            ? $"ports {string.Join(", ", open)} open"
            : string.Join("; ", ports.Where(p => p.Failure is not null).Select(p => $"port {p.Port} {p.Failure}")) +
              (open.Length > 0 ? $"; ports {string.Join(", ", open)} open" : "");
        (bool online, string reason, long ms) = await http.ConfigureAwait(false);
        return new ServerProbeResult
        {
            Server = server,
            Status = online ? ServerStatus.Online : ServerStatus.Offline,
            Reason = reason + "; " + portSummary + ".",
            LatencyMilliseconds = online ? (int)ms : null,
            Checked = DateTimeOffset.UtcNow,
            OpenPorts = open,
        };
    }

    private static async Task<(int, string?)> ConnectAsync(string server, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        using TcpClient client = IPAddress.TryParse(server, out IPAddress? address) ? new TcpClient(address.AddressFamily) : new TcpClient();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            Task connect = client.ConnectAsync(server, port);
            Task finished = await Task.WhenAny(connect, Task.Delay(System.Threading.Timeout.Infinite, limit.Token)).ConfigureAwait(false);
            if (finished != connect) return (port, $"did not answer within {timeout.TotalSeconds:0.#} s");
            await connect.ConfigureAwait(false);
            return (port, null);
        }
        catch (SocketException e)
        {
            return (port, e.SocketErrorCode == SocketError.ConnectionRefused ? "refused the connection" : e.SocketErrorCode.ToString());
        }
    }

    private static async Task<(bool, string, long)> EndpointAsync(HttpClient client, string server, bool useSsl, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var uri = new UriBuilder(useSsl ? "https" : "http", server, port, "/PowerShell/").Uri;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(timeout);
        var watch = Stopwatch.StartNew();
        try
        {
            using HttpResponseMessage response = await client.GetAsync(uri, HttpCompletionOption.ResponseHeadersRead, limit.Token).ConfigureAwait(false);
            long ms = watch.ElapsedMilliseconds;
            bool challenge = response.Headers.WwwAuthenticate.Any(h =>
                string.Equals(h.Scheme, "Negotiate", StringComparison.OrdinalIgnoreCase) || string.Equals(h.Scheme, "Kerberos", StringComparison.OrdinalIgnoreCase));
            if (response.StatusCode == HttpStatusCode.Unauthorized && challenge)
            {
                return (true, $"{uri} asks for Negotiate/Kerberos (401) in {ms} ms", ms);
            }

            string schemes = string.Join(", ", response.Headers.WwwAuthenticate.Select(h => h.Scheme));
            return (false, $"{uri} answered {(int)response.StatusCode} {response.ReasonPhrase}{(schemes.Length > 0 ? " offering " + schemes : "")}, not a Negotiate/Kerberos challenge: it is not an Exchange PowerShell endpoint", ms);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return (false, $"{uri} did not answer within {timeout.TotalSeconds:0.#} s (timeout)", watch.ElapsedMilliseconds);
        }
        catch (HttpRequestException e)
        {
            string why = e.InnerException is SocketException s && s.SocketErrorCode == SocketError.ConnectionRefused
                ? "refused the connection"
                : "failed: " + Innermost(e).Message;
            return (false, $"{uri} {why}", watch.ElapsedMilliseconds);
        }
    }

    private static Exception Innermost(Exception e)
    {
        while (e.InnerException is not null) e = e.InnerException;
        return e;
    }
}

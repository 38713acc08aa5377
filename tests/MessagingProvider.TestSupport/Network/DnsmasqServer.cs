using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A private dnsmasq on 127.0.0.1 answering only what the test configures (--mx-host,
/// --address=/domain/ for NXDOMAIN, --host-record). It forwards nothing (--no-resolv), so no
/// query leaves the machine. Killed on dispose.
/// </summary>
public sealed class DnsmasqServer : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _log = new StringBuilder();

    public DnsmasqServer(IEnumerable<string> records)
    {
        Port = FreeUdpPort();
        var start = new ProcessStartInfo("/usr/sbin/dnsmasq")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (string argument in new[]
                 {
                     "--no-daemon", "--conf-file=/dev/null", "--pid-file=", "--port=" + Port, "--listen-address=127.0.0.1",
                     "--bind-interfaces", "--no-resolv", "--no-hosts", "--log-facility=-",
                 })
        {
            start.ArgumentList.Add(argument);
        }

        foreach (string record in records) start.ArgumentList.Add(record);

        var started = new ManualResetEventSlim();
        _process = new Process { StartInfo = start };
        DataReceivedEventHandler onLine = (_, e) =>
        {
            if (e.Data is null) return;
            lock (_log) _log.AppendLine(e.Data);
            if (e.Data.Contains("started, version", StringComparison.Ordinal)) started.Set();
        };
        _process.OutputDataReceived += onLine;
        _process.ErrorDataReceived += onLine;
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        if (!started.Wait(TimeSpan.FromSeconds(20)) || _process.HasExited)
        {
            Dispose();
            throw new InvalidOperationException("dnsmasq did not start (is it installed? test.sh installs tests/apt-packages.txt):\n" + Log);
        }
    }

    public int Port { get; }

    /// <summary>The value for -DnsServer.</summary>
    public string Address => "127.0.0.1:" + Port;

    public string Log
    {
        get
        {
            lock (_log) return _log.ToString();
        }
    }

    public static int FreeUdpPort()
    {
        using var socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));
        return ((IPEndPoint)socket.Client.LocalEndPoint!).Port;
    }

    public void Dispose()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                _process.WaitForExit(5000);
            }
        }
        catch (InvalidOperationException)
        {
        }

        _process.Dispose();
    }
}

/// <summary>A UDP port that is bound but never answers: a DNS server that times out.</summary>
public sealed class SilentUdpServer : IDisposable
{
    private readonly UdpClient _socket = new UdpClient(new IPEndPoint(IPAddress.Loopback, 0));

    public SilentUdpServer() => _socket.BeginReceive(OnReceive, null);

    public string Address => "127.0.0.1:" + ((IPEndPoint)_socket.Client.LocalEndPoint!).Port;

    /// <summary>Set once a query has arrived (and been ignored).</summary>
    public ManualResetEventSlim Queried { get; } = new ManualResetEventSlim();

    private void OnReceive(IAsyncResult result)
    {
        try
        {
            IPEndPoint? from = null;
            _socket.EndReceive(result, ref from);
            Queried.Set();
        }
        catch (ObjectDisposedException)
        {
        }
        catch (SocketException)
        {
        }
    }

    public void Dispose()
    {
        _socket.Dispose();
        Queried.Dispose();
    }
}

/// <summary>A TCP port that accepts connections and never says a word: a mail server that hangs after connecting.</summary>
public sealed class SilentTcpServer : IDisposable
{
    private readonly TcpListener _listener = new TcpListener(IPAddress.Loopback, 0);
    private readonly List<TcpClient> _accepted = new List<TcpClient>();

    public SilentTcpServer()
    {
        _listener.Start();
        _listener.BeginAcceptTcpClient(OnAccept, null);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Set once a client has connected.</summary>
    public ManualResetEventSlim Connected { get; } = new ManualResetEventSlim();

    private void OnAccept(IAsyncResult result)
    {
        try
        {
            lock (_accepted) _accepted.Add(_listener.EndAcceptTcpClient(result));
            Connected.Set();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    public void Dispose()
    {
        _listener.Stop();
        lock (_accepted) _accepted.ForEach(c => c.Dispose());
        Connected.Dispose();
    }
}

using System;
using System.Collections.Concurrent;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A scripted SMTP proxy in front of Postfix's plain listener. It relays the dialogue line by
/// line (PIPELINING, CHUNKING and STARTTLS are hidden so the dialogue is lock-step: it is also the
/// man in the middle who strips STARTTLS, see <see cref="AuthCommands"/>) and injects
/// the faults a test asks for: a 4xx reply to RCPT for an address (a number of times), or a
/// connection dropped in the middle of DATA for an address (once).
/// </summary>
public sealed class SmtpFaultProxy : IDisposable
{
    private readonly int _upstreamPort;
    private readonly TcpListener _listener;
    private readonly ConcurrentDictionary<string, int> _tempFailures = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, int> _drops = new ConcurrentDictionary<string, int>(StringComparer.OrdinalIgnoreCase);
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private int _connections;
    private int _authCommands;

    public SmtpFaultProxy(int upstreamPort)
    {
        _upstreamPort = upstreamPort;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    public int Port { get; }

    /// <summary>When set, the EHLO reply advertises only these SASL mechanisms.</summary>
    public string[]? OfferedAuthMechanisms { get; set; }

    /// <summary>AUTH commands the proxy has seen: with STARTTLS hidden, each one is a sign-in sent in plain text.</summary>
    public int AuthCommands => Volatile.Read(ref _authCommands);

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    /// <summary>The next <paramref name="times"/> RCPT TO for <paramref name="address"/> get "451 4.3.0".</summary>
    public void TempFail(string address, int times = 1) => _tempFailures[address] = times;

    /// <summary>The next DATA of a message to <paramref name="address"/> is cut off by closing the connection.</summary>
    public void DropDuringData(string address, int times = 1) => _drops[address] = times;

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            Interlocked.Increment(ref _connections);
            _ = Task.Run(() => Relay(client));
        }
    }

    private void Relay(TcpClient client)
    {
        using (client)
        using (var upstream = new TcpClient())
        {
            try
            {
                upstream.Connect(IPAddress.Loopback, _upstreamPort);
                var clientIn = new StreamReader(client.GetStream(), Encoding.Latin1);
                var clientOut = client.GetStream();
                var serverIn = new StreamReader(upstream.GetStream(), Encoding.Latin1);
                var serverOut = upstream.GetStream();
                Write(clientOut, ReadReply(serverIn));
                bool dropThisMessage = false;
                string? line;
                while ((line = clientIn.ReadLine()) is not null)
                {
                    string upper = line.ToUpperInvariant();
                    if (upper.StartsWith("RCPT TO:", StringComparison.Ordinal))
                    {
                        string address = Address(line);
                        if (Consume(_tempFailures, address))
                        {
                            Write(clientOut, "451 4.3.0 Temporary failure injected by the test proxy\r\n");
                            continue;
                        }

                        if (Consume(_drops, address)) dropThisMessage = true;
                    }

                    if (upper.StartsWith("MAIL FROM:", StringComparison.Ordinal) || upper == "RSET") dropThisMessage = false;
                    if (upper.StartsWith("AUTH", StringComparison.Ordinal)) Interlocked.Increment(ref _authCommands);

                    Write(serverOut, line + "\r\n");
                    string reply = ReadReply(serverIn);
                    if (upper.StartsWith("EHLO", StringComparison.Ordinal)) reply = HideExtensions(reply, OfferedAuthMechanisms);
                    Write(clientOut, reply);
                    if (upper == "QUIT") return;
                    if (upper == "DATA" && reply.StartsWith("354", StringComparison.Ordinal))
                    {
                        if (dropThisMessage)
                        {
                            clientIn.ReadLine();
                            client.Client.Shutdown(SocketShutdown.Both);
                            return;
                        }

                        string? data;
                        while ((data = clientIn.ReadLine()) is not null)
                        {
                            Write(serverOut, data + "\r\n");
                            if (data == ".") break;
                        }

                        Write(clientOut, ReadReply(serverIn));
                    }
                }
            }
            catch (IOException)
            {
            }
            catch (SocketException)
            {
            }
        }
    }

    private static bool Consume(ConcurrentDictionary<string, int> rules, string address)
    {
        while (rules.TryGetValue(address, out int left) && left > 0)
        {
            if (rules.TryUpdate(address, left - 1, left)) return true;
        }

        return false;
    }

    private static string Address(string line)
    {
        int start = line.IndexOf('<');
        int end = line.IndexOf('>');
        return start >= 0 && end > start ? line.Substring(start + 1, end - start - 1) : line.Substring(8).Trim();
    }

    private static string ReadReply(StreamReader reader)
    {
        var reply = new StringBuilder();
        string? line;
        while ((line = reader.ReadLine()) is not null)
        {
            reply.Append(line).Append("\r\n");
            if (line.Length < 4 || line[3] != '-') break;
        }

        if (line is null) throw new IOException("upstream closed");
        return reply.ToString();
    }

    private static string HideExtensions(string reply, string[]? authMechanisms)
    {
        var kept = new System.Collections.Generic.List<string>();
        foreach (string line in reply.Split("\r\n", StringSplitOptions.RemoveEmptyEntries))
        {
            string keyword = line.Length > 4 ? line.Substring(4).Split(' ')[0].ToUpperInvariant() : "";
            if (keyword is "PIPELINING" or "CHUNKING" or "STARTTLS") continue;
            kept.Add(keyword == "AUTH" && authMechanisms is not null ? "AUTH " + string.Join(" ", authMechanisms) : line.Substring(4));
        }

        var result = new StringBuilder();
        for (int i = 0; i < kept.Count; i++) result.Append("250").Append(i == kept.Count - 1 ? ' ' : '-').Append(kept[i]).Append("\r\n");
        return result.ToString();
    }

    private static void Write(Stream stream, string text)
    {
        byte[] bytes = Encoding.Latin1.GetBytes(text);
        stream.Write(bytes, 0, bytes.Length);
        stream.Flush();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
    }
}

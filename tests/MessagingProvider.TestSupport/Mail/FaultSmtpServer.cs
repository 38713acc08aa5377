using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace MessagingProvider.TestSupport;

/// <summary>
/// A real SMTP server on 127.0.0.1 (no relay: it keeps what it accepts) that misbehaves on cue,
/// for the outbox tests: 421 greetings on chosen connections, scripted RCPT and end-of-DATA
/// replies, a recipient limit per transaction (452 4.5.3), connections dropped in the middle of
/// DATA or after its end before the reply, and a reply that never comes. A message is counted
/// as accepted when the server "has" it: after a 250, and also when the reply is dropped or
/// withheld after the end of DATA (as a real server that queued it and then lost the connection).
/// </summary>
public sealed class FaultSmtpServer : IDisposable
{
    private readonly TcpListener _listener;
    private readonly CancellationTokenSource _stop = new CancellationTokenSource();
    private readonly ConcurrentDictionary<int, string> _greetings = new ConcurrentDictionary<int, string>();
    private readonly ConcurrentDictionary<string, Script> _rcpt = new ConcurrentDictionary<string, Script>(StringComparer.OrdinalIgnoreCase);
    private readonly List<(string Marker, Script Script)> _data = new List<(string, Script)>();
    private readonly ConcurrentBag<Socket> _open = new ConcurrentBag<Socket>();
    private int _connections;

    public FaultSmtpServer()
    {
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        Port = ((IPEndPoint)_listener.LocalEndpoint).Port;
        _ = Task.Run(AcceptLoop);
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    /// <summary>Connections accepted so far.</summary>
    public int Connections => Volatile.Read(ref _connections);

    private readonly System.Diagnostics.Stopwatch _clock = System.Diagnostics.Stopwatch.StartNew();

    /// <summary>Messages the server has, one per (message, recipient), in the order they arrived.</summary>
    public ConcurrentQueue<AcceptedMessage> Accepted { get; } = new ConcurrentQueue<AcceptedMessage>();

    /// <summary>RCPT TO beyond this many in one transaction get "452 4.5.3 Error: too many recipients" (0: no limit).</summary>
    public int MaxRecipients { get; set; }

    /// <summary>When set, AUTH PLAIN/LOGIN is offered and required; another password gets 535.</summary>
    public string? Password { get; set; }

    public bool Pipelining { get; set; } = true;

    /// <summary>When set, every AUTH command is answered with this reply (as Exchange Online refuses Basic sign-ins: "535 5.7.139 …").</summary>
    public string? AuthReply { get; set; }

    /// <summary>When set, every MAIL FROM is answered with this reply (for example "530 5.7.57 Client not authenticated to send mail").</summary>
    public string? MailFromReply { get; set; }

    /// <summary>Connection number <paramref name="connection"/> (1 = the first) is greeted with <paramref name="reply"/> and closed.</summary>
    public void FailGreeting(int connection, string reply = "421 4.3.2 Service not available") => _greetings[connection] = reply;

    /// <summary>The next <paramref name="times"/> RCPT TO for <paramref name="address"/> get <paramref name="reply"/>.</summary>
    public void ReplyToRcpt(string address, string reply, int times = 1) => _rcpt[address] = new Script(FaultAction.Reply, reply, times);

    /// <summary>The next <paramref name="times"/> messages containing <paramref name="marker"/> get <paramref name="reply"/> after DATA (not accepted; a 421 also closes).</summary>
    public void ReplyToData(string marker, string reply, int times = 1) => AddData(marker, new Script(FaultAction.Reply, reply, times));

    /// <summary>The connection is closed in the middle of the content of the next message(s) containing <paramref name="marker"/>.</summary>
    public void DropMidData(string marker, int times = 1) => AddData(marker, new Script(FaultAction.DropMid, null, times));

    /// <summary>The next message(s) containing <paramref name="marker"/> are kept, and the connection closed before the reply.</summary>
    public void DropAfterData(string marker, int times = 1) => AddData(marker, new Script(FaultAction.DropAfter, null, times));

    /// <summary>The next message(s) containing <paramref name="marker"/> are kept and never answered (the connection stays open).</summary>
    public void HangAfterData(string marker, int times = 1) => AddData(marker, new Script(FaultAction.Hang, null, times));

    /// <summary>How many times the server has the message with this Message-ID for this recipient.</summary>
    public int CountOf(string messageId, string recipient) =>
        Accepted.Count(a => a.MessageId == messageId && string.Equals(a.Recipient, recipient, StringComparison.OrdinalIgnoreCase));

    /// <summary>The messages a recipient has.</summary>
    public AcceptedMessage[] For(string recipient) => Accepted.Where(a => string.Equals(a.Recipient, recipient, StringComparison.OrdinalIgnoreCase)).ToArray();

    private void AddData(string marker, Script script)
    {
        lock (_data) _data.Add((marker, script));
    }

    private Script? DataScript(string line, FaultAction? only = null)
    {
        lock (_data)
        {
            foreach (var (marker, script) in _data)
            {
                if (script.Left > 0 && (only is null || script.Action == only) && line.Contains(marker)) return script;
            }
        }

        return null;
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener.AcceptSocketAsync(_stop.Token);
            }
            catch (Exception)
            {
                return;
            }

            socket.NoDelay = true;
            int number = Interlocked.Increment(ref _connections);
            _open.Add(socket);
            _ = Task.Run(() => Serve(socket, number));
        }
    }

    private void Serve(Socket socket, int number)
    {
        using var stream = new NetworkStream(socket, ownsSocket: true);
        var reader = new StreamReader(stream, Encoding.Latin1);
        void Say(string text)
        {
            byte[] bytes = Encoding.Latin1.GetBytes(text + "\r\n");
            stream.Write(bytes, 0, bytes.Length);
        }

        try
        {
            if (_greetings.TryRemove(number, out string? refusal))
            {
                Say(refusal);
                return;
            }

            Say("220 fault.test.local ESMTP test server");
            bool authenticated = Password is null;
            string? from = null;
            var recipients = new List<string>();
            string? line;
            while ((line = reader.ReadLine()) is not null)
            {
                string upper = line.ToUpperInvariant();
                if (upper.StartsWith("EHLO", StringComparison.Ordinal))
                {
                    var lines = new List<string> { "fault.test.local", "8BITMIME", "ENHANCEDSTATUSCODES" };
                    if (Pipelining) lines.Add("PIPELINING");
                    if (AuthReply is not null) lines.Add("AUTH PLAIN LOGIN XOAUTH2");
                    else if (Password is not null) lines.Add("AUTH PLAIN LOGIN");
                    for (int i = 0; i < lines.Count; i++) Say("250" + (i == lines.Count - 1 ? " " : "-") + lines[i]);
                }
                else if (upper.StartsWith("HELO", StringComparison.Ordinal)) Say("250 fault.test.local");
                else if (upper.StartsWith("AUTH", StringComparison.Ordinal) && AuthReply is not null)
                {
                    // AUTH LOGIN asks for the user name and password before refusing, as Exchange Online does.
                    if (upper.StartsWith("AUTH LOGIN", StringComparison.Ordinal))
                    {
                        Say("334 VXNlcm5hbWU6");
                        reader.ReadLine();
                        Say("334 UGFzc3dvcmQ6");
                        reader.ReadLine();
                    }

                    Say(AuthReply);
                }
                else if (upper.StartsWith("AUTH PLAIN", StringComparison.Ordinal))
                {
                    string payload = line.Length > 11 ? line.Substring(11).Trim() : "";
                    if (payload.Length == 0)
                    {
                        Say("334 ");
                        payload = reader.ReadLine() ?? "";
                    }

                    string[] parts = Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Split('\0');
                    authenticated = parts.Length == 3 && parts[2] == Password;
                    Say(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Error: authentication failed");
                }
                else if (upper.StartsWith("AUTH LOGIN", StringComparison.Ordinal))
                {
                    Say("334 VXNlcm5hbWU6");
                    reader.ReadLine();
                    Say("334 UGFzc3dvcmQ6");
                    string password = Encoding.UTF8.GetString(Convert.FromBase64String(reader.ReadLine() ?? ""));
                    authenticated = password == Password;
                    Say(authenticated ? "235 2.7.0 Authentication successful" : "535 5.7.8 Error: authentication failed");
                }
                else if (upper.StartsWith("MAIL FROM:", StringComparison.Ordinal))
                {
                    if (MailFromReply is not null)
                    {
                        Say(MailFromReply);
                        continue;
                    }

                    if (!authenticated)
                    {
                        Say("530 5.7.0 Authentication required");
                        continue;
                    }

                    from = Address(line);
                    recipients.Clear();
                    Say("250 2.1.0 Ok");
                }
                else if (upper.StartsWith("RCPT TO:", StringComparison.Ordinal))
                {
                    string address = Address(line);
                    if (from is null) Say("503 5.5.1 Error: need MAIL command");
                    else if (_rcpt.TryGetValue(address, out Script? script) && script.Take()) Say(script.Reply!);
                    else if (MaxRecipients > 0 && recipients.Count >= MaxRecipients) Say("452 4.5.3 Error: too many recipients");
                    else
                    {
                        recipients.Add(address);
                        Say("250 2.1.5 Ok");
                    }
                }
                else if (upper == "DATA")
                {
                    if (recipients.Count == 0)
                    {
                        Say("554 5.5.1 Error: no valid recipients");
                        continue;
                    }

                    Say("354 End data with <CR><LF>.<CR><LF>");
                    if (!ReadData(reader, Say, from!, recipients, number)) return;
                    from = null;
                    recipients.Clear();
                }
                else if (upper == "RSET")
                {
                    from = null;
                    recipients.Clear();
                    Say("250 2.0.0 Ok");
                }
                else if (upper == "NOOP") Say("250 2.0.0 Ok");
                else if (upper == "QUIT")
                {
                    Say("221 2.0.0 Bye");
                    return;
                }
                else Say("502 5.5.2 Error: command not recognized");
            }
        }
        catch (IOException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
    }

    /// <summary>Reads one message's content and answers it as scripted; false when the connection must end.</summary>
    private bool ReadData(StreamReader reader, Action<string> say, string from, List<string> recipients, int connection)
    {
        var content = new StringBuilder();
        string? line;
        Script? script = null;
        while ((line = reader.ReadLine()) is not null && line != ".")
        {
            if (DataScript(line, FaultAction.DropMid) is { } drop && drop.Take()) return false;
            script ??= DataScript(line);
            content.Append(line.StartsWith("..", StringComparison.Ordinal) ? line.Substring(1) : line).Append("\r\n");
        }

        if (line is null) return false;
        string data = content.ToString();
        if (script is not null && script.Action != FaultAction.DropMid && script.Take())
        {
            switch (script.Action)
            {
                case FaultAction.Reply:
                    say(script.Reply!);
                    return !script.Reply!.StartsWith("421", StringComparison.Ordinal);
                case FaultAction.DropAfter:
                    Keep(data, from, recipients, connection);
                    return false;
                case FaultAction.Hang:
                    Keep(data, from, recipients, connection);
                    // Never answer; hold the connection until the client gives up and closes it.
                    try
                    {
                        while (reader.ReadLine() is not null)
                        {
                        }
                    }
                    catch (IOException)
                    {
                    }

                    return false;
            }
        }

        string queueId = Guid.NewGuid().ToString("N").Substring(0, 10).ToUpperInvariant();
        Keep(data, from, recipients, connection, queueId);
        say("250 2.0.0 Ok: queued as " + queueId);
        return true;
    }

    private void Keep(string data, string from, List<string> recipients, int connection, string? queueId = null)
    {
        string messageId = Header(data, "Message-Id") ?? "";
        string subject = Header(data, "Subject") ?? "";
        foreach (string recipient in recipients) Accepted.Enqueue(new AcceptedMessage(messageId, recipient, from, subject, data, connection, queueId, _clock.Elapsed));
    }

    private static string? Header(string data, string name)
    {
        foreach (string line in data.Split(new[] { "\r\n" }, StringSplitOptions.None))
        {
            if (line.Length == 0) break;
            if (line.StartsWith(name + ":", StringComparison.OrdinalIgnoreCase)) return line.Substring(name.Length + 1).Trim();
        }

        return null;
    }

    private static string Address(string line)
    {
        int start = line.IndexOf('<');
        int end = line.IndexOf('>');
        return start >= 0 && end > start ? line.Substring(start + 1, end - start - 1) : line.Substring(line.IndexOf(':') + 1).Trim();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        foreach (Socket socket in _open)
        {
            try
            {
                socket.Dispose();
            }
            catch (ObjectDisposedException)
            {
            }
        }
    }

    private enum FaultAction
    {
        Reply,
        DropMid,
        DropAfter,
        Hang,
    }

    private sealed class Script
    {
        private int _left;

        public Script(FaultAction action, string? reply, int times)
        {
            Action = action;
            Reply = reply;
            _left = times;
        }

        public FaultAction Action { get; }
        public string? Reply { get; }
        public int Left => Volatile.Read(ref _left);

        public bool Take()
        {
            while (true)
            {
                int left = Volatile.Read(ref _left);
                if (left <= 0) return false;
                if (Interlocked.CompareExchange(ref _left, left - 1, left) == left) return true;
            }
        }
    }
}

/// <summary>One message the fault server has, for one recipient.</summary>
/// <param name="At">When the server accepted it, since the server started.</param>
public sealed record AcceptedMessage(string MessageId, string Recipient, string From, string Subject, string Data, int Connection, string? QueueId, TimeSpan At);

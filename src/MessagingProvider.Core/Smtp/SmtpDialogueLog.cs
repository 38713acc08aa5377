using System;
using System.Text;
using MailKit;

namespace MessagingProvider.Smtp;

/// <summary>
/// MailKit's protocol log turned into readable "C:"/"S:" lines with every secret redacted: the
/// arguments of AUTH and every client line of the SASL exchange that follows. Message content is
/// summarised, not echoed. Also remembers the server's last reply for error reasons.
/// </summary>
public sealed class SmtpDialogueLog : IProtocolLogger
{
    public const string Redacted = "********";

    private readonly Action<string>? _sink;
    private readonly StringBuilder _client = new StringBuilder();
    private readonly StringBuilder _server = new StringBuilder();
    private readonly StringBuilder _reply = new StringBuilder();
    private bool _inAuth;
    private bool _dataRequested;
    private bool _inData;
    private long _dataBytes;

    public SmtpDialogueLog(Action<string>? sink) => _sink = sink;

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>The last complete server reply (all lines), e.g. "535 5.7.8 Error: authentication failed".</summary>
    public string? LastReply { get; private set; }

    /// <summary>The SASL mechanism of the last AUTH command.</summary>
    public string? LastAuthMechanism { get; private set; }

    public void LogConnect(Uri uri) => _sink?.Invoke($"Connected to {uri}");

    /// <summary>Called on every byte exchanged (an <see cref="IdleWatchdog"/> resets its clock).</summary>
    public Action? Activity { get; set; }

    public void LogClient(byte[] buffer, int offset, int count)
    {
        Activity?.Invoke();
        Feed(_client, buffer, offset, count, ClientLine);
    }

    public void LogServer(byte[] buffer, int offset, int count)
    {
        Activity?.Invoke();
        Feed(_server, buffer, offset, count, ServerLine);
    }

    private static void Feed(StringBuilder pending, byte[] buffer, int offset, int count, Action<string> line)
    {
        pending.Append(Encoding.UTF8.GetString(buffer, offset, count));
        string text = pending.ToString();
        int start = 0;
        int newline;
        while ((newline = text.IndexOf('\n', start)) >= 0)
        {
            line(text.Substring(start, newline - start).TrimEnd('\r'));
            start = newline + 1;
        }

        pending.Clear();
        pending.Append(text.Substring(start));
    }

    private void ClientLine(string line)
    {
        if (_inData)
        {
            if (line == ".")
            {
                _sink?.Invoke($"C: [message content, {_dataBytes} bytes]");
                _sink?.Invoke("C: .");
                _inData = false;
                _dataBytes = 0;
            }
            else
            {
                _dataBytes += line.Length + 2;
            }

            return;
        }

        if (_inAuth)
        {
            _sink?.Invoke("C: " + Redacted);
            return;
        }

        if (line.StartsWith("AUTH ", StringComparison.OrdinalIgnoreCase))
        {
            _inAuth = true;
            string[] parts = line.Split(new[] { ' ' }, 3, StringSplitOptions.RemoveEmptyEntries);
            if (parts.Length > 1) LastAuthMechanism = parts[1].ToUpperInvariant();
            _sink?.Invoke(parts.Length > 2 ? $"C: AUTH {parts[1]} {Redacted}" : "C: " + line);
            return;
        }

        if (string.Equals(line, "DATA", StringComparison.OrdinalIgnoreCase)) _dataRequested = true;
        _sink?.Invoke("C: " + line);
    }

    private void ServerLine(string line)
    {
        _sink?.Invoke("S: " + line);
        _reply.Append(_reply.Length == 0 ? "" : " ").Append(line.Length > 4 && _reply.Length > 0 ? line.Substring(4) : line);
        bool last = line.Length < 4 || line[3] != '-';
        if (!last) return;

        LastReply = _reply.ToString();
        _reply.Clear();
        if (_inAuth && !line.StartsWith("334", StringComparison.Ordinal)) _inAuth = false;
        // With PIPELINING the replies to MAIL and RCPT arrive first; only 354 opens the content.
        if (_dataRequested && line.StartsWith("354", StringComparison.Ordinal))
        {
            _dataRequested = false;
            _inData = true;
        }
    }

    public void Dispose()
    {
    }
}

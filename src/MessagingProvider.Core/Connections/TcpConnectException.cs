using System.Collections.Generic;
using System.IO;
using System.Net.Sockets;

namespace MessagingProvider.Connections;

/// <summary>No address of the server accepted a TCP connection.</summary>
public sealed class TcpConnectException : IOException
{
    public TcpConnectException(IReadOnlyList<string> failures, SocketException? last, bool timedOut)
        : base("No address accepted a TCP connection: " + string.Join("; ", failures) + ". Check the host, the port and any firewall.", last)
    {
        Last = last;
        TimedOut = timedOut;
    }

    /// <summary>The last socket error, if any address answered with one.</summary>
    public SocketException? Last { get; }

    /// <summary>At least one address did not answer in time.</summary>
    public bool TimedOut { get; }

    public bool Refused => Last?.SocketErrorCode == SocketError.ConnectionRefused;
}

using System.Net;
using System.Net.Sockets;

namespace MessagingProvider.TestSupport;

public static class FreePort
{
    /// <summary>A loopback TCP port free right now (the OS picks it), for a daemon to bind next.</summary>
    public static int Next()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }
}

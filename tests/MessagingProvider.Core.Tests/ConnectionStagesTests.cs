using System;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using MessagingProvider.Connections;

namespace MessagingProvider.Core.Tests;

/// <summary>The DNS and TCP stages Test-SmtpServer, Send-Notification and Test-MailAccount share, on real loopback sockets.</summary>
public sealed class ConnectionStagesTests
{
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(5);

    [Fact]
    public async Task AnIpAddressNeedsNoLookupAndANameResolvesIpv4First()
    {
        Assert.Equal(new[] { IPAddress.Parse("127.0.0.1") }, await ConnectionStages.ResolveDnsAsync("127.0.0.1", Timeout, CancellationToken.None));

        var addresses = await ConnectionStages.ResolveDnsAsync("localhost", Timeout, CancellationToken.None);
        Assert.Contains(IPAddress.Loopback, addresses);
        Assert.Equal(AddressFamily.InterNetwork, addresses[0].AddressFamily);
    }

    [Fact]
    public async Task TheFirstAddressThatAcceptsGetsTheConnection()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            int port = ((IPEndPoint)listener.LocalEndpoint).Port;
            using Socket socket = await ConnectionStages.ConnectTcpAsync(new[] { IPAddress.Loopback }, port, Timeout, CancellationToken.None);
            Assert.True(socket.Connected);
            Assert.Equal(new IPEndPoint(IPAddress.Loopback, port), socket.RemoteEndPoint);
        }
        finally
        {
            listener.Stop();
        }
    }

    [Fact]
    public async Task APortWhereNothingListensIsRefusedAndSaysWhere()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        int port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();

        var error = await Assert.ThrowsAsync<TcpConnectException>(() => ConnectionStages.ConnectTcpAsync(new[] { IPAddress.Loopback }, port, Timeout, CancellationToken.None));
        Assert.True(error.Refused);
        Assert.False(error.TimedOut);
        Assert.Contains($"127.0.0.1:{port}", error.Message);
    }
}

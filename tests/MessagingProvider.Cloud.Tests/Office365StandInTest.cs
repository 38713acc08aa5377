using System.Collections.Generic;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;

namespace MessagingProvider.Cloud.Tests;

/// <summary>A test against fresh Entra ID, Exchange Online and Microsoft Graph stand-ins, with what the code under test reported.</summary>
public abstract class Office365StandInTest : IAsyncLifetime
{
    protected readonly Office365TestSettings _settings = new Office365TestSettings();
    protected readonly List<string> _verbose = new List<string>();
    protected readonly List<string> _warnings = new List<string>();
    protected EntraStandIn _entra = null!;
    protected ExchangeOnlineStandIn _exchange = null!;
    protected GraphStandIn _graph = null!;

    public async Task InitializeAsync()
    {
        _entra = await EntraStandIn.StartAsync();
        _exchange = await ExchangeOnlineStandIn.StartAsync(_entra);
        _graph = await GraphStandIn.StartAsync(_entra);
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _exchange.DisposeAsync();
        await _entra.DisposeAsync();
        _settings.Dispose();
    }
}

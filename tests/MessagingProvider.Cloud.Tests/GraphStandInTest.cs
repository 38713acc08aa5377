using System.Threading.Tasks;
using MessagingProvider.Cloud.Tests.StandIns;

namespace MessagingProvider.Cloud.Tests;

/// <summary>A test against fresh Entra ID and Microsoft Graph stand-ins.</summary>
public abstract class GraphStandInTest : IAsyncLifetime
{
    protected readonly Office365TestSettings _settings = new Office365TestSettings();
    protected EntraStandIn _entra = null!;
    protected GraphStandIn _graph = null!;

    public async Task InitializeAsync()
    {
        _entra = await EntraStandIn.StartAsync();
        _graph = await GraphStandIn.StartAsync(_entra);
    }

    public async Task DisposeAsync()
    {
        await _graph.DisposeAsync();
        await _entra.DisposeAsync();
        _settings.Dispose();
    }
}

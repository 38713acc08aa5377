using System.Collections.Generic;
using System.Security.Cryptography;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Configuration;

namespace MessagingProvider.Cloud.Tests;

/// <summary>A test against a fresh Google stand-in, with what the code under test reported.</summary>
public abstract class GoogleStandInTest : IAsyncLifetime
{
    protected readonly GoogleTestSettings _settings = new GoogleTestSettings();
    protected readonly List<string> _verbose = new List<string>();
    protected GoogleStandIn _google = null!;

    public async Task InitializeAsync() => _google = await GoogleStandIn.StartAsync();

    public async Task DisposeAsync()
    {
        await _google.DisposeAsync();
        _settings.Dispose();
    }

    /// <summary>Settings with a new P12 key that the stand-in knows.</summary>
    protected GoogleWorkspaceSettings P12()
    {
        GoogleWorkspaceSettings settings = _settings.WithP12Key(_google, out RSA publicKey);
        _google.PublicKey = publicKey;
        return settings;
    }
}

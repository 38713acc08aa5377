using System;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using MessagingProvider.TestSupport;
using MessagingProvider.Tests.Infrastructure;

namespace MessagingProvider.Tests.LoadContext;

/// <summary>
/// The module beside another module that ships a different Microsoft.Identity.Client and
/// Microsoft.IdentityModel.Abstractions (as Az.Accounts, Microsoft.Graph.Authentication and
/// ExchangeOnlineManagement do), in both orders. Each case is a fresh process hosting the engine,
/// as a PowerShell session would be; both sign in for real against the HTTPS Entra stand-in.
/// </summary>
public sealed class DependencyIsolationTests : IAsyncLifetime
{
    private const string AppId = "6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10";
    private IDisposable _trust = null!;
    private EntraStandIn _entra = null!;
    private ExchangeOnlineStandIn _exchange = null!;

    public async Task InitializeAsync()
    {
        _trust = TestTls.TrustForCurrentUser();
        _entra = await EntraStandIn.StartAsync();
        _exchange = await ExchangeOnlineStandIn.StartAsync(_entra);
    }

    public async Task DisposeAsync()
    {
        await _exchange.DisposeAsync();
        await _entra.DisposeAsync();
        _trust.Dispose();
    }

    [Fact]
    public void OtherVersionLoadedFirstThenTheModuleSignsIn()
    {
        string[] lines = RunSession(OtherModuleSignsIn() + ImportModule() + ModuleSignsIn() + ListIdentityAssemblies());

        Assert.Contains("other-token=ok", lines);
        Assert.Contains("module=Online", lines);
        AssertTwoCopiesInTwoContexts(lines);
    }

    [Fact]
    public void ModuleFirstThenOtherVersionAndBothKeepWorking()
    {
        string[] lines = RunSession(ImportModule() + ModuleSignsIn() + OtherModuleSignsIn() + ModuleSignsIn("Cloud2") + ListIdentityAssemblies());

        Assert.Equal(2, lines.Count(l => l == "module=Online"));
        Assert.Contains("other-token=ok", lines);
        AssertTwoCopiesInTwoContexts(lines);
    }

    private static void AssertTwoCopiesInTwoContexts(string[] lines)
    {
        string[] msal = lines.Where(l => l.StartsWith("loaded=Microsoft.Identity.Client|", StringComparison.Ordinal)).OrderBy(l => l).ToArray();
        Assert.Equal(2, msal.Length);
        Assert.Contains(msal, l => l.StartsWith("loaded=Microsoft.Identity.Client|4.61.3", StringComparison.Ordinal) && l.EndsWith("|Default", StringComparison.Ordinal));
        Assert.Contains(msal, l => l.StartsWith("loaded=Microsoft.Identity.Client|4.92", StringComparison.Ordinal) && l.EndsWith("|MessagingProvider", StringComparison.Ordinal));

        string[] abstractions = lines.Where(l => l.StartsWith("loaded=Microsoft.IdentityModel.Abstractions|", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, abstractions.Length);
        Assert.Contains(abstractions, l => l.StartsWith("loaded=Microsoft.IdentityModel.Abstractions|6.35", StringComparison.Ordinal) && l.EndsWith("|Default", StringComparison.Ordinal));
        Assert.Contains(abstractions, l => l.EndsWith("|MessagingProvider", StringComparison.Ordinal));
    }

    private string OtherModuleSignsIn() => $@"
        $null = [System.Reflection.Assembly]::LoadFrom('{SiblingBuild.PathOf("tests/MessagingProvider.OtherModule", "net8.0", "MessagingProvider.OtherModule.dll")}')
        $token = [OtherVendor.Authentication.OtherModuleClient]::AcquireToken('{_entra.AuthorityHost}', '{_entra.Tenant}', '{AppId}', '{_entra.ClientSecret}', 'https://outlook.office365.com/.default')
        if ($token) {{ 'other-token=ok' }}
        ";

    private static string ImportModule() => $"Import-Module '{RepoPaths.ModuleManifest}' -ErrorAction Stop\n";

    private string ModuleSignsIn(string store = "Cloud") => $@"
        $null = New-IdentityStore -Name {store}
        Set-MessagingProvider -IdentityStore {store} -Provider Office365 -Domain contoso.com -Organization {_entra.Tenant} -ApplicationId {AppId} `
            -ClientSecret ([System.Net.NetworkCredential]::new('', '{_entra.ClientSecret}').SecurePassword) `
            -AuthorityHost '{_entra.AuthorityHost}' -ExchangeOnlineEndpoint '{_exchange.Endpoint}'
        'module=' + (Test-MessagingProviderConnection -IdentityStore {store}).Status
        ";

    private static string ListIdentityAssemblies() => @"
        foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
            $name = $assembly.GetName()
            if ($name.Name -eq 'Microsoft.Identity.Client' -or $name.Name -eq 'Microsoft.IdentityModel.Abstractions') {
                'loaded={0}|{1}|{2}' -f $name.Name, $name.Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
            }
        }
        ";

    private static string[] RunSession(string script)
    {
        string configDirectory = Path.Combine(Path.GetTempPath(), "mp-alc-" + Guid.NewGuid().ToString("N"));
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(SiblingBuild.PathOf("tools/MessagingProvider.HostedShell", "net10.0", "MessagingProvider.HostedShell.dll"));
        start.ArgumentList.Add("-");
        start.ArgumentList.Add(script);
        start.Environment["MESSAGINGPROVIDER_CONFIG_PATH"] = configDirectory;
        try
        {
            using Process session = Process.Start(start)!;
            Task<string> error = session.StandardError.ReadToEndAsync();
            string output = session.StandardOutput.ReadToEnd();
            Assert.True(session.WaitForExit(120_000), "the PowerShell session did not finish");
            Assert.True(session.ExitCode == 0, $"the session failed (exit {session.ExitCode}):\n{output}\n{error.Result}");
            return output.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        }
        finally
        {
            if (Directory.Exists(configDirectory)) Directory.Delete(configDirectory, recursive: true);
        }
    }
}

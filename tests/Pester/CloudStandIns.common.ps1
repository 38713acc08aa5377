# The HTTPS stand-ins of Microsoft Entra ID, Exchange Online, Microsoft Graph and Google (Kestrel on 127.0.0.1),
# taken from the built cloud test assembly, as tests/MessagingProvider.Tests/ProviderConnectionTests.cs
# uses them. Build first: dotnet build tests/MessagingProvider.Cloud.Tests -c Release

$script:StandInAssembly = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine(
    $PSScriptRoot, '..', 'MessagingProvider.Cloud.Tests', 'bin', 'Release', 'net10.0', 'MessagingProvider.Cloud.Tests.dll'))

# pwsh does not load the ASP.NET Core shared framework; resolve it from the runtime's own folder.
$script:AspNetCoreDirectory = [System.IO.Path]::Combine(
    [System.IO.Path]::GetDirectoryName([System.IO.Path]::GetDirectoryName([System.Runtime.InteropServices.RuntimeEnvironment]::GetRuntimeDirectory().TrimEnd('\', '/'))),
    'Microsoft.AspNetCore.App', [System.Environment]::Version.ToString())
[System.AppDomain]::CurrentDomain.add_AssemblyResolve({
    param($sender, $eventArgs)
    $name = [System.Reflection.AssemblyName]::new($eventArgs.Name).Name
    $candidate = [System.IO.Path]::Combine($script:AspNetCoreDirectory, "$name.dll")
    if ([System.IO.File]::Exists($candidate)) { return [System.Reflection.Assembly]::LoadFrom($candidate) }
    $null
})
$null = [System.Reflection.Assembly]::LoadFrom($script:StandInAssembly)

function Start-CloudStandIn {
    # Trusts the stand-ins' generated certificate for this user until the test process exits.
    $script:Trust = [MessagingProvider.Cloud.Tests.StandIns.TestTls]::TrustForCurrentUser()
    $script:Entra = [MessagingProvider.Cloud.Tests.StandIns.EntraStandIn]::StartAsync().GetAwaiter().GetResult()
    $script:ExchangeOnline = [MessagingProvider.Cloud.Tests.StandIns.ExchangeOnlineStandIn]::StartAsync($script:Entra).GetAwaiter().GetResult()
    $script:Graph = [MessagingProvider.Cloud.Tests.StandIns.GraphStandIn]::StartAsync($script:Entra).GetAwaiter().GetResult()
    $script:Google = [MessagingProvider.Cloud.Tests.StandIns.GoogleStandIn]::StartAsync().GetAwaiter().GetResult()
}

function Stop-CloudStandIn {
    foreach ($standIn in $script:Google, $script:Graph, $script:ExchangeOnline, $script:Entra) {
        if ($standIn) { $standIn.DisposeAsync().AsTask().GetAwaiter().GetResult() }
    }
    if ($script:Trust) { $script:Trust.Dispose(); $script:Trust = $null }
}

function New-Office365TestStore([string] $Secret) {
    $null = New-IdentityStore -Name Cloud
    Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
        -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString $Secret) `
        -AuthorityHost $script:Entra.AuthorityHost -ExchangeOnlineEndpoint $script:ExchangeOnline.Endpoint -GraphEndpoint $script:Graph.Endpoint
}

function New-GoogleTestStore {
    $key = New-TestGoogleJsonKey -ClientEmail $script:Google.ServiceAccount
    $full = [System.Security.Cryptography.RSA]::Create()
    $full.ImportFromPem((Get-Content -Raw $key | ConvertFrom-Json).private_key)
    $public = [System.Security.Cryptography.RSA]::Create()
    $public.ImportParameters($full.ExportParameters($false))
    $script:Google.PublicKey = $public
    $null = New-IdentityStore -Name G
    Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $key `
        -TokenEndpoint $script:Google.TokenEndpoint -DirectoryApiEndpoint $script:Google.DirectoryApi
}

# Runs $Script with the module in a new runspace, waits until Exchange Online got its first request,
# stops it as Ctrl+C does and checks that it stopped (ModuleSession.StopWhenStarted in the hosted tests).
function Stop-CommandAtExchangeOnline([string] $Script) {
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    try {
        $ps = [powershell]::Create()
        $ps.Runspace = $runspace
        $null = $ps.AddScript("Import-Module '$ModuleManifest'; $Script")
        $running = $ps.BeginInvoke()
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ($script:ExchangeOnline.HttpRequests -lt 1 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
        $script:ExchangeOnline.HttpRequests | Should -Be 1
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        { $ps.EndInvoke($running) } | Should -Throw
    }
    finally {
        $runspace.Dispose()
    }
}

# The HTTPS stand-ins of Microsoft Entra ID, Exchange Online, Microsoft Graph and Google (Kestrel on 127.0.0.1),
# from tests/MessagingProvider.TestSupport (loaded by common.ps1).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

function Start-CloudStandIn {
    # Trusts the stand-ins' generated certificate for this user until the test process exits.
    $script:Trust = [MessagingProvider.TestSupport.TestTls]::TrustForCurrentUser()
    $script:Entra = [MessagingProvider.TestSupport.EntraStandIn]::StartAsync().GetAwaiter().GetResult()
    $script:ExchangeOnline = [MessagingProvider.TestSupport.ExchangeOnlineStandIn]::StartAsync($script:Entra).GetAwaiter().GetResult()
    $script:Graph = [MessagingProvider.TestSupport.GraphStandIn]::StartAsync($script:Entra).GetAwaiter().GetResult()
    $script:Google = [MessagingProvider.TestSupport.GoogleStandIn]::StartAsync().GetAwaiter().GetResult()
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
# stops it as Ctrl+C does and checks that it stopped.
function Stop-CommandAtExchangeOnline([string] $Script) {
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $ps = [powershell]::Create()
    try {
        $ps.Runspace = $runspace
        $null = $ps.AddScript("Import-Module '$ModuleManifest'; $Script")
        $running = $ps.BeginInvoke()
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ($script:ExchangeOnline.HttpRequests -lt 1) {
            if ([datetime]::UtcNow -ge $deadline) { $ps.Stop(); throw "Exchange Online got no request within 30 s from: $Script" }
            Start-Sleep -Milliseconds 50
        }
        $script:ExchangeOnline.HttpRequests | Should -Be 1
        $ps.Stop()
        $ps.InvocationStateInfo.State | Should -Be 'Stopped'
        $stopped = $null
        try { $null = $ps.EndInvoke($running) } catch { $stopped = $_.Exception.InnerException }
        $stopped | Should -BeOfType ([System.Management.Automation.PipelineStoppedException]) -Because 'EndInvoke must report the stopped pipeline'
    }
    finally {
        $ps.Dispose()
        $runspace.Dispose()
    }
}

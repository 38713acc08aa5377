# Mirrors tests/MessagingProvider.Tests/LoadContext/DependencyIsolationTests.cs: the module beside
# another module's Microsoft.Identity.Client 4.61.3 / Microsoft.IdentityModel.Abstractions 6.35,
# in both orders, each in a fresh pwsh process. Needs the Entra and Exchange Online stand-ins of
# the hosted tests, started through the built test assembly.
BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $script:OtherModule = [System.IO.Path]::Combine($root, 'tests', 'MessagingProvider.OtherModule', 'bin', 'Release', 'net8.0', 'MessagingProvider.OtherModule.dll')
    Add-Type -Path ([System.IO.Path]::Combine($root, 'tests', 'MessagingProvider.Tests', 'bin', 'Release', 'net10.0', 'MessagingProvider.Tests.dll'))
    $script:Trust = [MessagingProvider.TestSupport.TestTls]::TrustForCurrentUser()
    $script:Entra = [MessagingProvider.TestSupport.EntraStandIn]::StartAsync().GetAwaiter().GetResult()
    $script:Exchange = [MessagingProvider.TestSupport.ExchangeOnlineStandIn]::StartAsync($Entra).GetAwaiter().GetResult()
    $script:AppId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'

    function Invoke-Session([scriptblock] $Body) {
        $env:MESSAGINGPROVIDER_CONFIG_PATH = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-alc-' + [guid]::NewGuid().ToString('N'))
        $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        & $pwsh -NoProfile -Command $Body -args $ModuleManifest, $OtherModule, "$($Entra.AuthorityHost)", $Entra.Tenant, $AppId, $Entra.ClientSecret, "$($Exchange.Endpoint)"
    }

    $script:OtherSignsIn = {
        param($Manifest, $Other, $Authority, $Tenant, $AppId, $Secret, $Endpoint)
        $null = [System.Reflection.Assembly]::LoadFrom($Other)
        if ([OtherVendor.Authentication.OtherModuleClient]::AcquireToken($Authority, $Tenant, $AppId, $Secret, 'https://outlook.office365.com/.default')) { 'other-token=ok' }
    }
    $script:ModuleSignsIn = {
        param($Manifest, $Other, $Authority, $Tenant, $AppId, $Secret, $Endpoint, $Store = 'Cloud')
        Import-Module $Manifest
        $null = New-IdentityStore -Name $Store
        Set-MessagingProvider -IdentityStore $Store -Provider Office365 -Domain contoso.com -Organization $Tenant -ApplicationId $AppId `
            -ClientSecret ([System.Net.NetworkCredential]::new('', $Secret).SecurePassword) -AuthorityHost $Authority -ExchangeOnlineEndpoint $Endpoint
        'module=' + (Test-MessagingProviderConnection -IdentityStore $Store).Status
    }
    $script:ListAssemblies = {
        foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
            $name = $assembly.GetName()
            if ($name.Name -in 'Microsoft.Identity.Client', 'Microsoft.IdentityModel.Abstractions') {
                'loaded={0}|{1}|{2}' -f $name.Name, $name.Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
            }
        }
    }

    function Assert-TwoCopies([string[]] $Lines) {
        $msal = $Lines -like 'loaded=Microsoft.Identity.Client|*'
        $msal | Should -HaveCount 2
        $msal -like 'loaded=Microsoft.Identity.Client|4.61.3*|Default' | Should -HaveCount 1
        $msal -like 'loaded=Microsoft.Identity.Client|4.92*|MessagingProvider' | Should -HaveCount 1
        $abstractions = $Lines -like 'loaded=Microsoft.IdentityModel.Abstractions|*'
        $abstractions | Should -HaveCount 2
        $abstractions -like '*|6.35*|Default' | Should -HaveCount 1
        $abstractions -like '*|MessagingProvider' | Should -HaveCount 1
    }
}

AfterAll {
    $Exchange.DisposeAsync().AsTask().GetAwaiter().GetResult()
    $Entra.DisposeAsync().AsTask().GetAwaiter().GetResult()
    $Trust.Dispose()
}

Describe 'Dependency isolation on PowerShell 7' {
    It 'signs in after another module loaded its own MSAL first' {
        $lines = Invoke-Session ([scriptblock]::Create("& { $OtherSignsIn } @args; & { $ModuleSignsIn } @args; & { $ListAssemblies }"))
        $lines | Should -Contain 'other-token=ok'
        $lines | Should -Contain 'module=Online'
        Assert-TwoCopies $lines
    }

    It 'keeps working when another module loads its MSAL afterwards, and so does the other module' {
        $lines = Invoke-Session ([scriptblock]::Create("& { $ModuleSignsIn } @args; & { $OtherSignsIn } @args; & { $ModuleSignsIn } @args 'Cloud2'; & { $ListAssemblies }"))
        ($lines -eq 'module=Online') | Should -HaveCount 2
        $lines | Should -Contain 'other-token=ok'
        Assert-TwoCopies $lines
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-ExchangeServer' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'lists servers in priority order with their status' {
        $servers = Get-ExchangeServer -IdentityStore Contoso
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC'
        $servers | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ExchangeServerInfo' }
        $servers.Status | Should -Be @('Unknown', 'Unknown', 'Unknown')
        (Get-ExchangeServer -IdentityStore Contoso -Server 'exchb').Name | Should -Be 'ExchB'
    }

    It 'reports an unknown server name' {
        Get-ExchangeServer -IdentityStore Contoso -Server ExchZ -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeServerNotFound,MessagingProvider.Commands.GetExchangeServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

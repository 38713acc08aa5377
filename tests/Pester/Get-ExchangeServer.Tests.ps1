BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-ExchangeServer' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'lists servers in priority order with their status' {
        $servers = @(Get-ExchangeServer -IdentityStore Contoso -ErrorVariable err)
        $err.Count | Should -Be 0
        $servers | Should -HaveCount 3
        ($servers | ForEach-Object { '{0}:{1}' -f $_.Priority, $_.Name }) -join ',' | Should -Be '1:ExchA,2:ExchB,3:ExchC'
        $servers | ForEach-Object { $_.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ExchangeServerInfo' }
        $servers | ForEach-Object { "$($_.Status)" | Should -Be 'Unknown' }
    }

    It 'finds one server by name, ignoring case' {
        $server = @(Get-ExchangeServer -IdentityStore Contoso -Server 'exchb' -ErrorVariable err)
        $err.Count | Should -Be 0
        $server | Should -HaveCount 1
        $server[0].Name | Should -BeExactly 'ExchB'
    }

    It 'reports an unknown server name and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Get-ExchangeServer -IdentityStore Contoso -Server ExchZ -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeServerNotFound,MessagingProvider.Commands.GetExchangeServerCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

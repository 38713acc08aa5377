BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-ExchangeServer' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped servers' {
        Remove-ExchangeServer -IdentityStore Contoso -Server ExchA -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC'
        Get-ExchangeServer -IdentityStore Contoso -Server ExchA | Remove-ExchangeServer -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        Get-ServerOrder | Should -Be '1:ExchB,2:ExchC'
    }

    It 'reports an unknown server and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Remove-ExchangeServer -IdentityStore Contoso -Server ExchZ -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeServerNotFound,MessagingProvider.Commands.RemoveExchangeServerCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

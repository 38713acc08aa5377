BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-ExchangeServerPriority' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'moves a server and shifts the others' {
        $passThru = @(Set-ExchangeServerPriority -IdentityStore Contoso -Server ExchC -Priority 1 -PassThru -ErrorVariable err)
        $err.Count | Should -Be 0
        $passThru | Should -HaveCount 3
        Get-ServerOrder | Should -Be '1:ExchC,2:ExchA,3:ExchB'
        Get-ExchangeServer -IdentityStore Contoso -Server ExchC | Set-ExchangeServerPriority -Priority 3 -ErrorVariable err
        $err.Count | Should -Be 0
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC'
    }

    It 'refuses <Server> at priority <Priority> with <ErrorId> and changes nothing' -TestCases @(
        @{ Server = 'ExchZ'; Priority = 1; ErrorId = 'ExchangeServerNotFound'; Category = 'ObjectNotFound' }
        @{ Server = 'ExchA'; Priority = 4; ErrorId = 'ExchangeServerPriorityOutOfRange'; Category = 'InvalidArgument' }
    ) {
        $before = Get-ConfigurationSnapshot
        Set-ExchangeServerPriority -IdentityStore Contoso -Server $Server -Priority $Priority -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.SetExchangeServerPriorityCommand" $Category
        Assert-ConfigurationUnchanged $before
    }
}

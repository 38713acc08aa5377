BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-ExchangeServerPriority' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'moves a server and shifts the others' {
        Set-ExchangeServerPriority -IdentityStore Contoso -Server ExchC -Priority 1 -PassThru | Should -HaveCount 3
        Get-ServerOrder | Should -Be '1:ExchC,2:ExchA,3:ExchB'
        Get-ExchangeServer -IdentityStore Contoso -Server ExchC | Set-ExchangeServerPriority -Priority 3
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC'
    }

    It 'refuses <Server> at priority <Priority> with <ErrorId>' -TestCases @(
        @{ Server = 'ExchZ'; Priority = 1; ErrorId = 'ExchangeServerNotFound'; Category = 'ObjectNotFound' }
        @{ Server = 'ExchA'; Priority = 4; ErrorId = 'ExchangeServerPriorityOutOfRange'; Category = 'InvalidArgument' }
    ) {
        param($Server, $Priority, $ErrorId, $Category)
        $before = Get-ConfigurationSnapshot
        Set-ExchangeServerPriority -IdentityStore Contoso -Server $Server -Priority $Priority -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.SetExchangeServerPriorityCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        Assert-ConfigurationUnchanged $before
    }
}

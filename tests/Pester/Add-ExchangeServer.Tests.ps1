BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Add-ExchangeServer' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'adds servers by name and from the pipeline, after the ones already there' {
        New-ExchangeServerTestStore
        'ExchD' | Add-ExchangeServer -IdentityStore Contoso -ErrorVariable err
        $err.Count | Should -Be 0
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC,4:ExchD'
    }

    It 'gives the top priority to a random server among the first ones added' {
        $firsts = foreach ($i in 0..29) {
            $null = New-IdentityStore -Name "S$i"
            Set-MessagingProvider -IdentityStore "S$i" -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) -ErrorAction Stop
            'ExchA', 'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore "S$i" -ErrorAction Stop
            $top = @(Get-ExchangeServer -IdentityStore "S$i" -ErrorAction Stop | Where-Object Priority -eq 1)
            $top | Should -HaveCount 1 -Because "store S$i has exactly one server at priority 1"
            $top[0].Name
        }
        ($firsts | Sort-Object -Unique).Count | Should -BeGreaterThan 1 -Because 'the highest priority must not always go to the same server'
    }

    It 'refuses <Servers> with <ErrorId> and changes nothing' -TestCases @(
        @{ Servers = @('ExchD', 'exchb'); ErrorId = 'ExchangeServerAlreadyExists'; Category = 'ResourceExists' }
        @{ Servers = @('bad name'); ErrorId = 'InvalidServerName'; Category = 'InvalidArgument' }
    ) {
        New-ExchangeServerTestStore
        $before = Get-ConfigurationSnapshot
        Add-ExchangeServer -IdentityStore Contoso -Server $Servers -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.AddExchangeServerCommand" $Category
        Assert-ConfigurationUnchanged $before
        Get-ServerOrder | Should -Be '1:ExchA,2:ExchB,3:ExchC'
    }

    It 'refuses stores whose provider is not Exchange' {
        $null = New-IdentityStore -Name Ext
        $before = Get-ConfigurationSnapshot
        Add-ExchangeServer -IdentityStore Ext -Server ExchA -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderNotConfigured,MessagingProvider.Commands.AddExchangeServerCommand' 'InvalidOperation'
        $err[0].Exception.Message | Should -BeLikeExactly '*Set-MessagingProvider*'
        Assert-ConfigurationUnchanged $before
    }
}

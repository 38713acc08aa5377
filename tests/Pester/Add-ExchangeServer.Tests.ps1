BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Add-ExchangeServer' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'gives the top priority to a random server among the first ones added' {
        $firsts = foreach ($i in 0..29) {
            $null = New-IdentityStore -Name "S$i"
            Set-MessagingProvider -IdentityStore "S$i" -Provider Exchange -Domain contoso.com -Credential (New-TestCredential)
            'ExchA', 'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore "S$i"
            (Get-ExchangeServer -IdentityStore "S$i" | Where-Object Priority -eq 1).Name
        }
        ($firsts | Sort-Object -Unique).Count | Should -BeGreaterThan 1
    }

    It 'refuses <Servers> with <ErrorId> and changes nothing' -TestCases @(
        @{ Servers = @('ExchD', 'exchb'); ErrorId = 'ExchangeServerAlreadyExists'; Category = 'ResourceExists' }
        @{ Servers = @('bad name'); ErrorId = 'InvalidServerName'; Category = 'InvalidArgument' }
    ) {
        param($Servers, $ErrorId, $Category)
        New-ExchangeServerTestStore
        $before = Get-ConfigurationSnapshot
        Add-ExchangeServer -IdentityStore Contoso -Server $Servers -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.AddExchangeServerCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        Assert-ConfigurationUnchanged $before
    }

    It 'refuses stores whose provider is not Exchange' {
        $null = New-IdentityStore -Name Ext
        Add-ExchangeServer -IdentityStore Ext -Server ExchA -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ProviderNotConfigured,MessagingProvider.Commands.AddExchangeServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err[0].Exception.Message | Should -BeLike '*Set-MessagingProvider*'
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MessagingProvider' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'lists every store without -IdentityStore' {
        'A', 'B', 'C' | New-IdentityStore | Out-Null
        Get-MessagingProvider | Should -HaveCount 3
    }

    It 'lists the Exchange servers with the provider' {
        New-ExchangeTestStore
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Server ExchA, ExchB
        (Get-MessagingProvider -IdentityStore Contoso).Servers | Should -HaveCount 2
    }
}

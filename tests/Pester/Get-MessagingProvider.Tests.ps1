BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MessagingProvider' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'lists every store without -IdentityStore' {
        'A', 'B', 'C' | New-IdentityStore | Out-Null
        $providers = Get-MessagingProvider -ErrorVariable err
        $err | Should -HaveCount 0
        $providers | Should -HaveCount 3
        $providers.IdentityStore | Should -BeExactly @('A', 'B', 'C')
    }

    It 'lists the Exchange servers with the provider' {
        New-ExchangeTestStore
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Server ExchA, ExchB
        (Get-MessagingProvider -IdentityStore Contoso).Servers | Should -HaveCount 2
    }
}

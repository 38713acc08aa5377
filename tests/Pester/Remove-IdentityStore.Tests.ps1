BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped stores' {
        'A', 'B', 'C' | New-IdentityStore | Out-Null
        Remove-IdentityStore -Name A -WhatIf
        Get-IdentityStore | Should -HaveCount 3

        Get-IdentityStore -Name A | Remove-IdentityStore -Confirm:$false
        (Get-IdentityStore).Name | Should -Be @('B', 'C')
    }

    It 'reports a missing store' {
        Remove-IdentityStore -Name A -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.RemoveIdentityStoreCommand'
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped stores' {
        $null = 'A', 'B', 'C' | New-IdentityStore
        Remove-IdentityStore -Name A -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        Get-IdentityStore | Should -HaveCount 3

        Get-IdentityStore -Name 'A' | Remove-IdentityStore -Confirm:$false -ErrorVariable err
        $err | Should -HaveCount 0
        (Get-IdentityStore).Name | Should -BeExactly @('B', 'C')
    }

    It 'reports a missing store' {
        Remove-IdentityStore -Name A -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.RemoveIdentityStoreCommand' ObjectNotFound
    }
}

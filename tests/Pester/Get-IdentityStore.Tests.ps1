BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'finds stores by wildcard' {
        $null = New-IdentityStore -Name Contoso
        $listed = Get-IdentityStore -Name 'cont*' -ErrorVariable err
        $err | Should -HaveCount 0
        $listed | Should -HaveCount 1
        $listed.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.IdentityStoreInfo'
        $listed.Name | Should -BeExactly 'Contoso'
    }

    It 'lists every store by name without -Name' {
        $null = 'Fabrikam', 'Contoso' | New-IdentityStore
        (Get-IdentityStore).Name | Should -BeExactly @('Contoso', 'Fabrikam')
    }

    It 'reports an unknown exact name as ObjectNotFound' {
        Get-IdentityStore -Name Nowhere -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.GetIdentityStoreCommand' ObjectNotFound
        $err[0].Exception.Message | Should -BeLike '*New-IdentityStore*'
    }

    It 'returns nothing, without an error, for a wildcard that matches nothing' {
        Get-IdentityStore -Name 'Nowhere*' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
    }
}

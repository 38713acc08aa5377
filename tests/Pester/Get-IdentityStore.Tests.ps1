BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'finds stores by wildcard' {
        $null = New-IdentityStore -Name Contoso
        (Get-IdentityStore -Name 'cont*').Name | Should -Be 'Contoso'
    }

    It 'reports an unknown exact name as ObjectNotFound' {
        Get-IdentityStore -Name Nowhere -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.GetIdentityStoreCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -BeLike '*New-IdentityStore*'
    }

    It 'returns nothing, without an error, for a wildcard that matches nothing' {
        Get-IdentityStore -Name 'Nowhere*' -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -BeNullOrEmpty
    }

    It 'reports a corrupt document with its file and position and leaves it alone' {
        $path = (New-IdentityStore -Name Contoso).Path
        [System.IO.File]::WriteAllText($path, '{ "schemaVersion": 1, "name": ')
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Provider None -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ConfigurationCorrupt,MessagingProvider.Commands.SetMessagingProviderCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
        $err[0].Exception.Message | Should -BeLike "*$path*line 1, position*"
        Assert-ConfigurationUnchanged $before
    }
}

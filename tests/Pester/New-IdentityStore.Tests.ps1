BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'creates a typed identity store with the provider None' {
        $created = New-IdentityStore -Name Contoso
        $created.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.IdentityStoreInfo'
        $created.Name | Should -Be 'Contoso'
        $created.Provider | Should -Be 'None'
        [System.IO.File]::Exists($created.Path) | Should -BeTrue
    }

    It 'takes names from the pipeline' {
        'Fabrikam', 'Contoso' | New-IdentityStore | Should -HaveCount 2
        (Get-IdentityStore).Name | Should -Be @('Contoso', 'Fabrikam')
    }

    It 'refuses a duplicate name with <ErrorId>' -TestCases @(
        @{ Name = 'CONTOSO'; ErrorId = 'IdentityStoreAlreadyExists'; Category = 'ResourceExists' }
        @{ Name = '../escape'; ErrorId = 'InvalidIdentityStoreName'; Category = 'InvalidArgument' }
    ) {
        param($Name, $ErrorId, $Category)
        $null = New-IdentityStore -Name Contoso
        New-IdentityStore -Name $Name -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.NewIdentityStoreCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
    }

    It 'creates nothing with -WhatIf' {
        New-IdentityStore -Name Contoso -WhatIf | Should -BeNullOrEmpty
        (Get-ConfigurationSnapshot).Count | Should -Be 0
    }

    It 'reports an unusable configuration directory as a permission error' {
        $blocker = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-blocker-' + [guid]::NewGuid().ToString('N'))
        [System.IO.File]::WriteAllText($blocker, 'a file, not a directory')
        try {
            $env:MESSAGINGPROVIDER_CONFIG_PATH = [System.IO.Path]::Combine($blocker, 'config')
            New-IdentityStore -Name Contoso -ErrorVariable err -ErrorAction SilentlyContinue
            $err[0].FullyQualifiedErrorId | Should -Be 'ConfigurationDirectoryUnavailable,MessagingProvider.Commands.NewIdentityStoreCommand'
            $err[0].CategoryInfo.Category | Should -Be 'PermissionDenied'
            $err[0].Exception.Message | Should -BeLike '*MESSAGINGPROVIDER_CONFIG_PATH*'
        }
        finally {
            [System.IO.File]::Delete($blocker)
        }
    }
}

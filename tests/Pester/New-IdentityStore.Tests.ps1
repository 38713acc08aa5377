BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-IdentityStore' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'creates a typed identity store with the provider None' {
        $created = New-IdentityStore -Name Contoso -ErrorVariable err
        $err | Should -HaveCount 0
        $created | Should -HaveCount 1
        $created.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.IdentityStoreInfo'
        $created.Name | Should -BeExactly 'Contoso'
        $created.Provider.ToString() | Should -BeExactly 'None'
        [System.IO.File]::Exists($created.Path) | Should -BeTrue
    }

    It 'takes names from the pipeline' {
        $created = 'Fabrikam', 'Contoso' | New-IdentityStore -ErrorVariable err
        $err | Should -HaveCount 0
        $created | Should -HaveCount 2
        (Get-IdentityStore).Name | Should -BeExactly @('Contoso', 'Fabrikam')
    }

    It 'refuses <Name> with <ErrorId>' -TestCases @(
        @{ Name = 'CONTOSO'; ErrorId = 'IdentityStoreAlreadyExists'; Category = 'ResourceExists' }
        @{ Name = '../escape'; ErrorId = 'InvalidIdentityStoreName'; Category = 'InvalidArgument' }
        @{ Name = 'CON'; ErrorId = 'InvalidIdentityStoreName'; Category = 'InvalidArgument' }
        @{ Name = 'nul.contoso'; ErrorId = 'InvalidIdentityStoreName'; Category = 'InvalidArgument' }
        @{ Name = 'Com1'; ErrorId = 'InvalidIdentityStoreName'; Category = 'InvalidArgument' }
    ) {
        param($Name, $ErrorId, $Category)
        $null = New-IdentityStore -Name Contoso
        New-IdentityStore -Name $Name -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.NewIdentityStoreCommand" $Category
    }

    It 'creates nothing with -WhatIf' {
        New-IdentityStore -Name Contoso -WhatIf -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
        (Get-ConfigurationSnapshot).Count | Should -Be 0
    }

    It 'reports an unusable configuration directory as a permission error' {
        $blocker = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-blocker-' + [guid]::NewGuid().ToString('N'))
        [System.IO.File]::WriteAllText($blocker, 'a file, not a directory')
        try {
            $env:MESSAGINGPROVIDER_CONFIG_PATH = [System.IO.Path]::Combine($blocker, 'config')
            New-IdentityStore -Name Contoso -ErrorVariable err -ErrorAction SilentlyContinue
            Assert-SingleError $err 'ConfigurationDirectoryUnavailable,MessagingProvider.Commands.NewIdentityStoreCommand' PermissionDenied
            $err[0].Exception.Message | Should -BeLike '*MESSAGINGPROVIDER_CONFIG_PATH*'
        }
        finally {
            [System.IO.File]::Delete($blocker)
        }
    }
}

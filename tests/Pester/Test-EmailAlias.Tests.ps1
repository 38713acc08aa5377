BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Test-EmailAlias' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'applies the Other provider rules and the SMTP rules, with every reason' {
        $null = New-IdentityStore -Name Ext
        Set-MessagingProvider -IdentityStore Ext -Provider Other -Domain googlegroups.com -MaximumAliasLength 10 -AliasPattern '[a-z][a-z0-9.-]*'
        $results = 'sales', 'Sales Team Europe', 'it.helpdesk' | Test-EmailAlias -IdentityStore Ext -ErrorVariable err
        $err | Should -HaveCount 0
        $results | Should -HaveCount 3
        foreach ($result in $results) { $result.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.EmailAliasTestResult' }
        $results[0].IsValid | Should -Be $true
        $results[0].Address | Should -BeExactly 'sales@googlegroups.com'
        $results[1].IsValid | Should -Be $false
        # Each problem is its own reason.
        @($results[1].Reasons) -like '*maximum is 10*' | Should -Not -BeNullOrEmpty
        @($results[1].Reasons) -like '*does not match the alias pattern*' | Should -Not -BeNullOrEmpty
        @($results[1].Reasons) -like '*a space*' | Should -Not -BeNullOrEmpty
        $results[2].Reasons | Should -HaveCount 1
        $results[2].Reasons | Should -BeExactly 'It is 11 characters long; the maximum is 10.'
    }

    It 'applies the SMTP local-part rules for Exchange' {
        New-ExchangeTestStore
        $results = Test-EmailAlias -IdentityStore Contoso -Alias 'john.smith', 'john..smith', ('x' * 65) -ErrorVariable err
        $err | Should -HaveCount 0
        $results | Should -HaveCount 3
        $results.IsValid | Should -Be @($true, $false, $false)
        $results[0].Address | Should -BeExactly 'john.smith@contoso.com'
    }

    It 'binds IdentityStore and Alias properties of piped objects' {
        New-ExchangeTestStore
        $results = [pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'ok' }, [pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'not ok' } | Test-EmailAlias -ErrorVariable err
        $err | Should -HaveCount 0
        $results | Should -HaveCount 2
        $results.IsValid | Should -Be @($true, $false)
    }

    It 'reports an unknown identity store' {
        Test-EmailAlias -IdentityStore Nowhere -Alias x -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.TestEmailAliasCommand' ObjectNotFound
    }
}

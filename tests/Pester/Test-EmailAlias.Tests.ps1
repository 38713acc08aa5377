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
        $results = 'sales', 'Sales Team Europe', 'it.helpdesk' | Test-EmailAlias -IdentityStore Ext
        $results | Should -HaveCount 3
        $results[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EmailAliasTestResult'
        $results[0].IsValid | Should -BeTrue
        $results[0].Address | Should -Be 'sales@googlegroups.com'
        $results[1].IsValid | Should -BeFalse
        $results[1].Reasons -join ' ' | Should -BeLike '*maximum is 10*'
        $results[1].Reasons -join ' ' | Should -BeLike '*does not match the alias pattern*'
        $results[1].Reasons -join ' ' | Should -BeLike '*a space*'
        $results[2].Reasons | Should -Be @('It is 11 characters long; the maximum is 10.')
    }

    It 'applies the SMTP local-part rules for Exchange' {
        New-ExchangeTestStore
        $results = Test-EmailAlias -IdentityStore Contoso -Alias 'john.smith', 'john..smith', ('x' * 65)
        $results.IsValid | Should -Be @($true, $false, $false)
        $results[0].Address | Should -Be 'john.smith@contoso.com'
    }

    It 'binds IdentityStore and Alias properties of piped objects' {
        New-ExchangeTestStore
        $results = [pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'ok' }, [pscustomobject]@{ IdentityStore = 'Contoso'; Alias = 'not ok' } | Test-EmailAlias
        $results.IsValid | Should -Be @($true, $false)
    }

    It 'reports an unknown identity store' {
        Test-EmailAlias -IdentityStore Nowhere -Alias x -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.TestEmailAliasCommand'
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Merge-EmailAddress' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'computes the collection from piped recipients' {
        $update = [pscustomobject]@{ Identity = 'asmith'; EmailAddresses = @('X500:/o=A/cn=asmith', 'smtp:asmith@legacy.local', 'SMTP:old@contoso.com') } |
            Merge-EmailAddress -EmailAddress 'smtp:a@contoso.com', 'SMTP:ann@contoso.com' -ExcludedSmtpDomain legacy.local
        $update.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EmailAddressUpdate'
        $update.Identity | Should -Be 'asmith'
        $update.EmailAddresses | Should -BeExactly @('X500:/o=A/cn=asmith', 'smtp:asmith@legacy.local', 'smtp:a@contoso.com', 'SMTP:ann@contoso.com')
    }

    It 'refuses a malformed address' {
        Merge-EmailAddress -EmailAddress 'not-an-address' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidEmailAddresses,MessagingProvider.Commands.MergeEmailAddressCommand'
    }
}

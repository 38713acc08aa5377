BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Merge-EmailAddress' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'computes the collection from piped recipients' {
        $update = [pscustomobject]@{ Identity = 'asmith'; EmailAddresses = @('X500:/o=A/cn=asmith', 'smtp:asmith@legacy.local', 'SMTP:old@contoso.com') } |
            Merge-EmailAddress -EmailAddress 'smtp:a@contoso.com', 'SMTP:ann@contoso.com' -ExcludedSmtpDomain legacy.local -ErrorVariable err
        $err | Should -HaveCount 0
        $update | Should -HaveCount 1
        $update.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.EmailAddressUpdate'
        $update.Identity | Should -BeExactly 'asmith'
        , $update.EmailAddresses | Should -BeOfType [string[]]
        $update.EmailAddresses | Should -BeExactly @('X500:/o=A/cn=asmith', 'smtp:asmith@legacy.local', 'smtp:a@contoso.com', 'SMTP:ann@contoso.com')
    }

    It 'refuses a malformed address' {
        Merge-EmailAddress -EmailAddress 'not-an-address' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err 'InvalidEmailAddresses,MessagingProvider.Commands.MergeEmailAddressCommand'
    }
}

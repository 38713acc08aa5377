BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledUser' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'enables remote mailboxes and mail users in a Hybrid store' {
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Deployment Hybrid
        $results = @(
            [pscustomobject]@{ DistinguishedName = 'CN=Ann Smith,OU=Users,DC=contoso,DC=com'; SamAccountName = 'asmith'; GivenName = 'Ann'; Surname = 'Smith' } | Enable-MailEnabledUser -IdentityStore Contoso
            Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -GivenName Bob -Surname Jones -ExternalEmailAddress bob@fabrikam.com
        )
        $results.PrimarySmtpAddress | Should -Be @('asmith@contoso.com', 'Bob.Jones@contoso.com')
        (Get-StandInJournal).Command | Should -Be @('Enable-RemoteMailbox', 'Enable-MailUser')
    }

    It 'refuses a malformed external address before any connection' {
        Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -ExternalEmailAddress 'not an address' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidEmailAddress,MessagingProvider.Commands.EnableMailEnabledUserCommand'
        Get-StandInJournal | Should -BeNullOrEmpty
    }
}

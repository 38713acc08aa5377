BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledUser' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'refuses a password under Kerberos before any connection' {
        New-ExchangeLab -Server ExchA -Authentication Kerberos
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New
        $all = New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password (ConvertTo-TestSecureString 'Initial-1') -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1
        $err[0].FullyQualifiedErrorId | Should -Be 'PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].Exception.Message | Should -BeLike '*Negotiate or CredSSP*'
        ($all | Where-Object { $_.Message -like 'Exchange server*' }) | Should -BeNullOrEmpty
    }

    It 'sets the password on creation under Negotiate' {
        New-ExchangeLab -Server ExchA -Authentication Negotiate
        $null = Start-StandInServer ExchA
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New
        $result = New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password (ConvertTo-TestSecureString 'Initial-1')
        $result.PrimarySmtpAddress | Should -Be 'Ann.Smith@contoso.com'
        $result.Command | Should -Be 'New-Mailbox'
        $journal = Get-StandInJournal
        "$($journal.Server)|$($journal.Command)|$($journal.Identity)" | Should -Be 'ExchA|New-Mailbox|Ann Smith'
    }

    It 'refuses a password when the create method is Enable' {
        New-ExchangeLab -Server ExchA -Authentication Negotiate
        New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -Password (ConvertTo-TestSecureString 'Initial-1') -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].Exception.Message | Should -BeLike '*only when Exchange creates the user*'
    }
}

Describe 'New-MailEnabledUser with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'refuses a mailbox in Office 365, even with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        New-MailEnabledUser -IdentityStore Cloud -Name Dee -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $ExchangeOnline.HttpRequests | Should -Be 0
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        New-MailEnabledUser -IdentityStore G -Name Dee -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GoogleUserNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $Google.ApiRequests | Should -Be 0
    }
}

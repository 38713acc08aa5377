BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'refuses a password under Kerberos before any connection' {
        New-ExchangeLab -Server ExchA -Authentication Kerberos
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New
        $run = Split-VerboseOutput (New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password (ConvertTo-TestSecureString 'Initial-1') `
                -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1)
        Assert-SingleError $err 'PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*Negotiate or CredSSP*'
        $run.Output | Should -HaveCount 0
        Select-MessageStartingWith $run.Verbose 'Exchange server' | Should -HaveCount 0
    }

    It 'sets the password on creation under Negotiate' {
        New-ExchangeLab -Server ExchA -Authentication Negotiate
        $null = Start-StandInServer ExchA
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New
        $result = New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -Password (ConvertTo-TestSecureString 'Initial-1') -ErrorVariable err
        $err.Count | Should -Be 0
        $result | Should -HaveCount 1
        $result.PrimarySmtpAddress | Should -BeExactly 'Ann.Smith@contoso.com'
        $result.Command | Should -BeExactly 'New-Mailbox'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-Mailbox|Ann Smith')
    }

    It 'refuses a password when the create method is Enable' {
        New-ExchangeLab -Server ExchA -Authentication Negotiate
        New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -Password (ConvertTo-TestSecureString 'Initial-1') -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'PasswordNotAllowed,MessagingProvider.Commands.NewMailEnabledUserCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*only when Exchange creates the user*'
    }
}

Describe 'New-MailEnabledUser with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'refuses a mailbox in Office 365 before anything is sent, even with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        New-MailEnabledUser -IdentityStore Cloud -Name Dee -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand' NotImplemented
        $ExchangeOnline.HttpRequests | Should -Be 0
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        New-MailEnabledUser -IdentityStore G -Name Dee -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleUserNotSupported,MessagingProvider.Commands.NewMailEnabledUserCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

Describe 'New-MailEnabledUser -HiddenFromAddressListsEnabled' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'hides the new mailbox with Set-Mailbox on the server that created it (New-Mailbox has no such parameter)' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -CreateMethod New
        $result = New-MailEnabledUser -IdentityStore Contoso -Name 'Ann Smith' -GivenName Ann -Surname Smith -HiddenFromAddressListsEnabled -ErrorVariable err
        $err.Count | Should -Be 0
        $result.Command | Should -BeExactly 'New-Mailbox'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-Mailbox|Ann Smith', 'ExchA|Set-Mailbox|Ann Smith')
        @($Lab.Directory.Invocations())[1].Parameters['HiddenFromAddressListsEnabled'] | Should -BeExactly 'True'
        $Lab.Directory.PropertyOf('Ann Smith', 'HiddenFromAddressListsEnabled') | Should -BeExactly 'True'
    }
}

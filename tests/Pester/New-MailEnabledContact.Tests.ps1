BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'creates a contact' {
        $result = New-MailEnabledContact -IdentityStore Contoso -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com -ErrorVariable err
        $err.Count | Should -Be 0
        $result | Should -HaveCount 1
        $result.PrimarySmtpAddress | Should -BeExactly 'Pat.Lee@contoso.com'
        (Get-StandInJournal).Command | Should -BeExactly @('New-MailContact')
    }
}

Describe 'New-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the mail contact in Exchange Online' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = New-MailEnabledContact -IdentityStore Cloud -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com `
            -WarningAction SilentlyContinue -ErrorVariable err
        Assert-CreatedInExchangeOnline $result $err -Address 'pat@fabrikam.com' -Cmdlet New-MailContact -Name 'Pat Lee'
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        New-MailEnabledContact -IdentityStore G -Name Dee -ExternalEmailAddress dee@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleContactNotSupported,MessagingProvider.Commands.NewMailEnabledContactCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

Describe 'New-MailEnabledContact -HiddenFromAddressListsEnabled' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'hides the new contact with Set-MailContact on the server that created it' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $null = New-MailEnabledContact -IdentityStore Contoso -Name 'Pat Lee' -ExternalEmailAddress pat@fabrikam.com -HiddenFromAddressListsEnabled -ErrorVariable err
        $err.Count | Should -Be 0
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-MailContact|Pat Lee', 'ExchA|Set-MailContact|Pat Lee')
        $Lab.Directory.PropertyOf('Pat Lee', 'HiddenFromAddressListsEnabled') | Should -BeExactly 'True'
    }
}

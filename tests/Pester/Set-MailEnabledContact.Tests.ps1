BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes the contact with Set-MailContact, and asks first' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Partner -Type MailContact -EmailAddresses 'SMTP:partner@fabrikam.com'
        Set-MailEnabledContact -IdentityStore Contoso -Identity Partner -HiddenFromAddressListsEnabled $true -WhatIf
        Get-StandInJournal | Should -BeNullOrEmpty
        $set = Set-MailEnabledContact -IdentityStore Contoso -Identity Partner -DisplayName 'Fabrikam partner' -HiddenFromAddressListsEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.DisplayName | Should -BeExactly 'Fabrikam partner'
        $set.HiddenFromAddressListsEnabled | Should -BeTrue
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Set-MailContact|Partner')
    }
}

Describe 'Set-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'changes an Exchange Online contact with Set-MailContact over REST' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Partner', 'MailContact', 'SMTP:partner@fabrikam.com')
        $set = Set-MailEnabledContact -IdentityStore Cloud -Identity Partner -HiddenFromAddressListsEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.HiddenFromAddressListsEnabled | Should -BeTrue
        (@(Get-ExchangeOnlineChange)[0])['CmdletName'].ToString() | Should -BeExactly 'Set-MailContact'
    }

    It 'refuses Google, which has no mail contacts, before any request' {
        New-GoogleTestStore
        Set-MailEnabledContact -IdentityStore G -Identity partner@fabrikam.com -DisplayName X -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleContactNotSupported,MessagingProvider.Commands.SetMailEnabledContactCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

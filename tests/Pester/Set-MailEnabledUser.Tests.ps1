BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes a mail user with Set-MailUser and a mailbox with Set-Mailbox' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity jdoe -Type MailUser -EmailAddresses 'SMTP:jdoe@contoso.com'
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com'
        $set = 'jdoe', 'asmith' | Set-MailEnabledUser -IdentityStore Contoso -HiddenFromAddressListsEnabled $true -RequireSenderAuthenticationEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.HiddenFromAddressListsEnabled | Should -BeExactly @($true, $true)
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Set-MailUser|jdoe', 'ExchA|Set-Mailbox|asmith')
        $script:Lab.Directory.PropertyOf('asmith', 'RequireSenderAuthenticationEnabled') | Should -BeExactly 'True'
    }

    It 'does not take a group for a user' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Set-MailEnabledUser -IdentityStore Contoso -Identity Sales -DisplayName X -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.SetMailEnabledUserCommand' ObjectNotFound
        Get-StandInJournal | Should -BeNullOrEmpty
    }
}

Describe 'Set-MailEnabledUser with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'changes an Exchange Online mail user with Set-MailUser over REST' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('jdoe', 'MailUser', 'SMTP:jdoe@contoso.com')
        $set = Set-MailEnabledUser -IdentityStore Cloud -Identity jdoe -DisplayName 'John Doe' -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.DisplayName | Should -BeExactly 'John Doe'
        (@(Get-ExchangeOnlineChange)[0])['CmdletName'].ToString() | Should -BeExactly 'Set-MailUser'
    }

    It 'refuses Google users, whose settings the Admin console or directory synchronization keep, before any request' {
        New-GoogleTestStore
        Set-MailEnabledUser -IdentityStore G -Identity jdoe@contoso.com -DisplayName 'John Doe' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SettingNotSupported,MessagingProvider.Commands.SetMailEnabledUserCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

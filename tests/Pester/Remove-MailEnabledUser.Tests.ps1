BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'removes each user with the cmdlet of its type, read first' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com'
        Add-StandInRecipient -Identity bjones -Type RemoteUserMailbox -EmailAddresses 'SMTP:bjones@contoso.com'
        Add-StandInRecipient -Identity cpartner -Type MailUser -EmailAddresses 'SMTP:cpartner@contoso.com'
        $rows = 'asmith', 'bjones', 'cpartner' | ForEach-Object { [pscustomobject]@{ IdentityStore = 'Contoso'; Identity = $_ } }
        $removed = $rows | Remove-MailEnabledUser -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Command | Should -BeExactly @('Remove-Mailbox', 'Remove-RemoteMailbox', 'Remove-MailUser')
        $removed.RecipientTypeDetails | Should -BeExactly @('UserMailbox', 'RemoteUserMailbox', 'MailUser')
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Remove-Mailbox|asmith', 'ExchA|Remove-RemoteMailbox|bjones', 'ExchA|Remove-MailUser|cpartner')
    }
}

Describe 'Remove-MailEnabledUser with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'removes an Exchange Online mail user and refuses a mailbox' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Partner', 'MailUser', 'SMTP:partner@contoso.com')
        $ExchangeOnline.AddRecipient('Ann', 'UserMailbox', 'SMTP:ann@contoso.com')
        (Remove-MailEnabledUser -IdentityStore Cloud -Identity Partner -Confirm:$false).Command | Should -BeExactly 'Remove-MailUser'
        $ExchangeOnline.Recipients.ContainsKey('Partner') | Should -BeFalse
        Remove-MailEnabledUser -IdentityStore Cloud -Identity Ann -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.RemoveMailEnabledUserCommand' NotImplemented
        $ExchangeOnline.Recipients.ContainsKey('Ann') | Should -BeTrue
    }

    It 'refuses Google users' {
        New-GoogleTestStore
        Remove-MailEnabledUser -IdentityStore G -Identity alice@contoso.com -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleUserNotSupported,MessagingProvider.Commands.RemoveMailEnabledUserCommand' NotImplemented
    }
}

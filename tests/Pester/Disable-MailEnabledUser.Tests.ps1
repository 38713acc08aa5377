BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Disable-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'disables a mailbox and a mail user with the cmdlet of each type, and changes nothing with -WhatIf' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com'
        Add-StandInRecipient -Identity cpartner -Type MailUser -EmailAddresses 'SMTP:cpartner@contoso.com'
        'asmith', 'cpartner' | Disable-MailEnabledUser -IdentityStore Contoso -WhatIf | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty
        $disabled = 'asmith', 'cpartner' | Disable-MailEnabledUser -IdentityStore Contoso -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $disabled.Command | Should -BeExactly @('Disable-Mailbox', 'Disable-MailUser')
        $disabled.Action | Should -BeExactly @('Disabled', 'Disabled')
    }

    It 'refuses a user that is not mail-enabled' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Disable-MailEnabledUser -IdentityStore Contoso -Identity nobody -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.DisableMailEnabledUserCommand' ObjectNotFound
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'reads mailboxes, remote mailboxes and mail users, not groups or contacts' {
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com', 'sip:asmith@contoso.com'
        Add-StandInRecipient -Identity bjones -Type RemoteUserMailbox -EmailAddresses 'SMTP:bjones@contoso.com'
        Add-StandInRecipient -Identity cpartner -Type MailUser -EmailAddresses 'SMTP:cpartner@contoso.com'
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Add-StandInRecipient -Identity Vendor -Type MailContact -EmailAddresses 'SMTP:vendor@fabrikam.com'
        $users = Get-MailEnabledUser -IdentityStore Contoso -ErrorVariable err
        $err.Count | Should -Be 0
        $users.Name | Should -BeExactly @('asmith', 'bjones', 'cpartner')
        $users.RecipientTypeDetails | Should -BeExactly @('UserMailbox', 'RemoteUserMailbox', 'MailUser')
        $users[0].EmailAddresses | Should -BeExactly @('SMTP:asmith@contoso.com', 'sip:asmith@contoso.com')
        (Get-MailEnabledUser -IdentityStore Contoso -EmailAddress cpartner@contoso.com).Kind | Should -BeExactly 'User'
    }

    It 'passes its output to Remove-MailEnabledUser by property name' {
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com'
        $found = Get-MailEnabledUser -IdentityStore Contoso -Identity asmith
        $removed = $found | Remove-MailEnabledUser -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Command | Should -BeExactly 'Remove-Mailbox'
    }
}

Describe 'Get-MailEnabledUser with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'follows Exchange Online''s @odata.nextLink pages up to -ResultSize' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $all = Get-MailEnabledUser -IdentityStore Cloud -ResultSize Unlimited -ErrorVariable err
        $err.Count | Should -Be 0
        $all | Should -HaveCount $ExchangeOnline.RecipientCount
        $all[2499].PrimarySmtpAddress | Should -BeExactly 'user2500@contoso.com'
        # 2,500 mailboxes in pages of 1,000: three requests.
        @(Get-ExchangeOnlineCmdlet) | Should -HaveCount 3

        $first = Get-MailEnabledUser -IdentityStore Cloud -ErrorVariable err
        $err.Count | Should -Be 0
        $first | Should -HaveCount 1000
        $last = $ExchangeOnline.Requests[$ExchangeOnline.Requests.Count - 1]
        $last['Parameters']['ResultSize'].ToString() | Should -BeExactly '1000'
    }

    It 'reads Google users with their aliases, and finds one by an alias' {
        New-GoogleTestStore
        $null = Set-RecipientEmailAddress -IdentityStore G -Identity alice@contoso.com -EmailAddress alice@contoso.com, alice.smith@contoso.com -PrimarySmtpAddress alice@contoso.com -Confirm:$false
        $alice = Get-MailEnabledUser -IdentityStore G -EmailAddress alice.smith@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $alice.Identity | Should -BeExactly 'alice@contoso.com'
        $alice.EmailAddresses | Should -BeExactly @('SMTP:alice@contoso.com', 'smtp:alice.smith@contoso.com')
        $alice.RecipientTypeDetails | Should -BeExactly 'GoogleUser'
        (Get-MailEnabledUser -IdentityStore G -Name 'A*').Identity | Should -BeExactly @('admin@contoso.com', 'alice@contoso.com')
    }
}

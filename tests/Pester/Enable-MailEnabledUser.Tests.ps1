BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledUser' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'enables remote mailboxes and mail users in a Hybrid store' {
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Deployment Hybrid
        $results = @(
            [pscustomobject]@{ DistinguishedName = 'CN=Ann Smith,OU=Users,DC=contoso,DC=com'; SamAccountName = 'asmith'; GivenName = 'Ann'; Surname = 'Smith' } |
                Enable-MailEnabledUser -IdentityStore Contoso -ErrorVariable err
            Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -GivenName Bob -Surname Jones -ExternalEmailAddress bob@fabrikam.com -ErrorVariable +err
        )
        $err.Count | Should -Be 0
        $results.PrimarySmtpAddress | Should -BeExactly @('asmith@contoso.com', 'Bob.Jones@contoso.com')
        (Get-StandInJournal).Command | Should -BeExactly @('Enable-RemoteMailbox', 'Enable-MailUser')
    }

    It 'refuses a malformed external address before any connection' {
        Enable-MailEnabledUser -IdentityStore Contoso -Identity bob -ExternalEmailAddress 'not an address' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'InvalidEmailAddress,MessagingProvider.Commands.EnableMailEnabledUserCommand'
        Get-StandInJournal | Should -BeNullOrEmpty
    }
}

Describe 'Enable-MailEnabledUser with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates a mail user in Exchange Online under the directory name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Bob Jones,OU=Users,DC=contoso,DC=com' -Alias bjones -ExternalEmailAddress bob@fabrikam.com `
            -WarningAction SilentlyContinue -ErrorVariable err
        Assert-CreatedInExchangeOnline $result $err -Address 'bjones@contoso.com' -Cmdlet New-MailUser -Name 'Bob Jones'
    }

    It 'refuses a mailbox in Office 365 before anything is sent' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Dee,DC=contoso,DC=com' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand' NotImplemented
        $ExchangeOnline.HttpRequests | Should -Be 0
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        Enable-MailEnabledUser -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleUserNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

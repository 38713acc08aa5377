BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
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

Describe 'Enable-MailEnabledUser with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates a mail user in Exchange Online' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Bob Jones,OU=Users,DC=contoso,DC=com' -Alias bjones -ExternalEmailAddress bob@fabrikam.com
        $result.PrimarySmtpAddress | Should -Be 'bjones@contoso.com'
        $result.Command | Should -Be 'New-MailUser'
        $ExchangeOnline.Requests[0]['Parameters']['Name'].ToString() | Should -Be 'Bob Jones'
    }

    It 'refuses a mailbox in Office 365 before anything is sent' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        Enable-MailEnabledUser -IdentityStore Cloud -Identity 'CN=Dee,DC=contoso,DC=com' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeOnlineMailboxNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $ExchangeOnline.HttpRequests | Should -Be 0
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        Enable-MailEnabledUser -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GoogleUserNotSupported,MessagingProvider.Commands.EnableMailEnabledUserCommand'
        $Google.ApiRequests | Should -Be 0
    }
}

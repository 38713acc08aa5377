BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledContact' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'creates a contact' {
        $result = New-MailEnabledContact -IdentityStore Contoso -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com
        $result.PrimarySmtpAddress | Should -Be 'Pat.Lee@contoso.com'
        (Get-StandInJournal).Command | Should -Be 'New-MailContact'
    }
}

Describe 'New-MailEnabledContact with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the mail contact in Exchange Online' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = New-MailEnabledContact -IdentityStore Cloud -Name 'Pat Lee' -GivenName Pat -Surname Lee -ExternalEmailAddress pat@fabrikam.com
        $result.PrimarySmtpAddress | Should -Be 'pat@fabrikam.com'
        $result.Command | Should -Be 'New-MailContact'
        $ExchangeOnline.Requests[0]['Parameters']['Name'].ToString() | Should -Be 'Pat Lee'
    }

    It 'is not supported by Google Workspace' {
        New-GoogleTestStore
        New-MailEnabledContact -IdentityStore G -Name Dee -ExternalEmailAddress dee@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GoogleContactNotSupported,MessagingProvider.Commands.NewMailEnabledContactCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $Google.ApiRequests | Should -Be 0
    }
}

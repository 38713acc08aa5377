BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledContact' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'mail-enables a contact with an alias generated from its name' {
        $result = Enable-MailEnabledContact -IdentityStore Contoso -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com
        $result.PrimarySmtpAddress | Should -Be 'KimIto@contoso.com'
        (Get-StandInJournal).Command | Should -Be 'Enable-MailContact'
    }
}

Describe 'Enable-MailEnabledContact with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the mail contact in Exchange Online under the directory name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledContact -IdentityStore Cloud -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com
        $result.PrimarySmtpAddress | Should -Be 'kim@fabrikam.com'
        $result.Command | Should -Be 'New-MailContact'
        $ExchangeOnline.Requests[0]['Parameters']['Name'].ToString() | Should -Be 'Kim Ito'
    }

    It 'is not supported by Google Workspace, even with -WhatIf' {
        New-GoogleTestStore
        Enable-MailEnabledContact -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GoogleContactNotSupported,MessagingProvider.Commands.EnableMailEnabledContactCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
        $Google.ApiRequests | Should -Be 0
    }
}

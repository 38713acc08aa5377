BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'mail-enables a contact with an alias generated from its name' {
        $result = Enable-MailEnabledContact -IdentityStore Contoso -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com -ErrorVariable err
        $err.Count | Should -Be 0
        $result | Should -HaveCount 1
        $result.PrimarySmtpAddress | Should -BeExactly 'KimIto@contoso.com'
        (Get-StandInJournal).Command | Should -BeExactly @('Enable-MailContact')
    }
}

Describe 'Enable-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the mail contact in Exchange Online under the directory name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledContact -IdentityStore Cloud -Identity 'CN=Kim Ito,OU=Contacts,DC=contoso,DC=com' -ExternalEmailAddress kim@fabrikam.com `
            -WarningAction SilentlyContinue -ErrorVariable err
        Assert-CreatedInExchangeOnline $result $err -Address 'kim@fabrikam.com' -Cmdlet New-MailContact -Name 'Kim Ito'
    }

    It 'is not supported by Google Workspace, even with -WhatIf' {
        New-GoogleTestStore
        Enable-MailEnabledContact -IdentityStore G -Identity 'CN=Dee,DC=contoso,DC=com' -ExternalEmailAddress dee@fabrikam.com -WhatIf -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleContactNotSupported,MessagingProvider.Commands.EnableMailEnabledContactCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

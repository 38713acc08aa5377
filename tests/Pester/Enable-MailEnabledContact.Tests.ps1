BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
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

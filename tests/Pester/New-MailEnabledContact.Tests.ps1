BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
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

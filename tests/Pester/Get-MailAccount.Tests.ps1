BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Get-MailAccount' {
    BeforeEach { Initialize-TestConfiguration; New-MailAccountTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'filters by address and mail server with wildcards, and takes piped servers' {
        @(Get-MailAccount -IdentityStore Contoso).Count | Should -Be 3
        (Get-MailAccount -IdentityStore Contoso -MailServer Fab* | Select-Single).EmailAddress | Should -Be 'carl@fabrikam.com'
        (Get-MailAccount -IdentityStore Contoso -EmailAddress *.net | Select-Single).EmailAddress | Should -Be 'ben@contoso.net'
        (Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' | Get-MailAccount | Select-Single).EmailAddress | Should -Be 'carl@fabrikam.com'
    }

    It 'reports an unknown account, says how to add it, and changes nothing' {
        $before = Get-ConfigurationSnapshot
        $output = Get-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e 'MailAccountNotFound,MessagingProvider.Commands.GetMailAccountCommand' 'ObjectNotFound'
        $e[0].Exception.Message | Should -BeLike '*New-MailAccount*'
        Assert-ConfigurationUnchanged $before
    }
}

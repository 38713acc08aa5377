BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Remove-MailAccount' {
    BeforeEach { Initialize-TestConfiguration; New-MailAccountTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped accounts' {
        Remove-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -WhatIf
        @(Get-MailAccount -IdentityStore Contoso).Count | Should -Be 3
        Get-MailAccount -IdentityStore Contoso -EmailAddress *contoso* | Remove-MailAccount -Confirm:$false
        (Get-MailAccount -IdentityStore Contoso | Select-Single).EmailAddress | Should -Be 'carl@fabrikam.com'
    }

    It 'reports an unknown account, says how to find one, and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Remove-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailAccountNotFound,MessagingProvider.Commands.RemoveMailAccountCommand' 'ObjectNotFound'
        $e[0].Exception.Message | Should -BeLike '*Get-MailAccount*'
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Remove-MailServer' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'refuses while accounts or domains use the server, names them, and removes it afterwards' {
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Password (ConvertTo-TestSecureString 'Anna-P@ss-1')
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.net -Password (ConvertTo-TestSecureString 'Ben-P@ss-1')
        $before = Get-ConfigurationSnapshot
        Remove-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailServerInUse,MessagingProvider.Commands.RemoveMailServerCommand' 'InvalidOperation'
        foreach ($name in 'anna@contoso.com', 'ben@contoso.net', 'contoso.com', 'contoso.net', 'Remove-MailAccount', 'Remove-EmailProviderDomain') {
            $e[0].Exception.Message | Should -BeLike "*$name*"
        }
        Assert-ConfigurationUnchanged $before

        Get-MailAccount -IdentityStore Contoso -MailServer 'Contoso IMAP' | Remove-MailAccount -Confirm:$false
        Get-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP' | Remove-EmailProviderDomain -Confirm:$false
        Remove-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -WhatIf
        @(Get-MailServer -IdentityStore Contoso).Count | Should -Be 2
        Get-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' | Remove-MailServer -Confirm:$false
        (Get-MailServer -IdentityStore Contoso | Select-Single).Name | Should -Be 'Fabrikam EWS'
    }

    It 'reports an unknown server and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Remove-MailServer -IdentityStore Contoso -Name Nowhere -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailServerNotFound,MessagingProvider.Commands.RemoveMailServerCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Remove-EmailProviderDomain' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped rows' {
        Remove-EmailProviderDomain -IdentityStore Contoso -Domain contoso.com -WhatIf
        Get-ProviderDomainTable | Should -Be 'contoso.com>Contoso IMAP,contoso.net>Contoso IMAP'
        Get-EmailProviderDomain -IdentityStore Contoso -Domain contoso.net | Remove-EmailProviderDomain -Confirm:$false
        Get-ProviderDomainTable | Should -Be 'contoso.com>Contoso IMAP'
    }

    It 'reports an unknown domain and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Remove-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'EmailProviderDomainNotFound,MessagingProvider.Commands.RemoveEmailProviderDomainCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

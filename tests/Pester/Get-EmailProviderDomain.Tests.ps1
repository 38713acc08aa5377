BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-EmailProviderDomain' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore; Add-EmailProviderDomain -IdentityStore Contoso -Domain fabrikam.com -MailServer 'Fabrikam EWS' }
    AfterEach { Remove-TestConfiguration }

    It 'filters by domain and mail server with wildcards' {
        (Get-EmailProviderDomain -IdentityStore Contoso -MailServer Fab*).Domain | Should -Be 'fabrikam.com'
        @(Get-EmailProviderDomain -IdentityStore Contoso -Domain contoso.*).Count | Should -Be 2
    }

    It 'reports an unknown domain and an unknown store' {
        Get-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'EmailProviderDomainNotFound' 'GetEmailProviderDomainCommand' 'ObjectNotFound'
        Get-EmailProviderDomain -IdentityStore Nowhere -ErrorAction SilentlyContinue -ErrorVariable e2
        Assert-SingleError $e2 'IdentityStoreNotFound' 'GetEmailProviderDomainCommand' 'ObjectNotFound'
    }
}

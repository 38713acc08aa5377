BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MailAccount' {
    BeforeEach {
        Initialize-TestConfiguration
        New-ProviderDomainTestStore
        'anna@contoso.com', 'ben@contoso.net' | New-MailAccount -IdentityStore Contoso -Password (ConvertTo-TestSecureString 'P@ss-1') | Out-Null
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login carl -Password (ConvertTo-TestSecureString 'P@ss-2')
    }
    AfterEach { Remove-TestConfiguration }

    It 'filters by address and mail server with wildcards' {
        @(Get-MailAccount -IdentityStore Contoso).Count | Should -Be 3
        (Get-MailAccount -IdentityStore Contoso -MailServer Fab*).EmailAddress | Should -Be 'carl@fabrikam.com'
        (Get-MailAccount -IdentityStore Contoso -EmailAddress *.net).EmailAddress | Should -Be 'ben@contoso.net'
        (Get-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' | Get-MailAccount).EmailAddress | Should -Be 'carl@fabrikam.com'
    }

    It 'reports an unknown account' {
        Get-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailAccountNotFound' 'GetMailAccountCommand' 'ObjectNotFound'
    }
}

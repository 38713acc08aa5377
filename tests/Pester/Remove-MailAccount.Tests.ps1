BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-MailAccount' {
    BeforeEach {
        Initialize-TestConfiguration
        New-ProviderDomainTestStore
        'anna@contoso.com', 'ben@contoso.net' | New-MailAccount -IdentityStore Contoso -Password (ConvertTo-TestSecureString 'P@ss-1') | Out-Null
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login carl -Password (ConvertTo-TestSecureString 'P@ss-2')
    }
    AfterEach { Remove-TestConfiguration }

    It 'honours -WhatIf and takes piped accounts' {
        Remove-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -WhatIf
        @(Get-MailAccount -IdentityStore Contoso).Count | Should -Be 3
        Get-MailAccount -IdentityStore Contoso -EmailAddress *contoso* | Remove-MailAccount -Confirm:$false
        (Get-MailAccount -IdentityStore Contoso).EmailAddress | Should -Be 'carl@fabrikam.com'
    }

    It 'reports an unknown account and changes nothing' {
        $before = Get-ConfigurationSnapshot
        Remove-MailAccount -IdentityStore Contoso -EmailAddress zed@contoso.com -Confirm:$false -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailAccountNotFound' 'RemoveMailAccountCommand' 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailAccount' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'finds the server through the provider domains and derives the login from its format' {
        $account = New-MailAccount -IdentityStore Contoso -EmailAddress Anna.Lee@Contoso.com -Password (ConvertTo-TestSecureString 'Anna-P@ss-1')
        $account.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailAccountInfo'
        $account.MailServer | Should -Be 'Contoso IMAP'
        $account.Login | Should -Be 'Anna.Lee'
        $account.Password | Should -Be '********'
        Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -LoginFormat EmailAddress
        (New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.net -Password (ConvertTo-TestSecureString 'Ben-P@ss-1')).Login | Should -Be 'ben@contoso.net'
        $stored = (Get-ChildItem -Path $ConfigDirectory -Filter *.json | ForEach-Object { [System.IO.File]::ReadAllText($_.FullName) }) -join ''
        $stored | Should -Not -Match 'Anna-P@ss-1'
        $stored | Should -Not -Match 'Ben-P@ss-1'
    }

    It 'takes the given login on a Manual server' {
        $account = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login 'FABRIKAM\carl' -Password (ConvertTo-TestSecureString 'Carl-P@ss-1')
        $account.Login | Should -Be 'FABRIKAM\carl'
    }

    It 'reports <ErrorId> with advice and changes nothing' -ForEach @(
        @{ Arguments = @{ EmailAddress = 'dora@woodgrove.com' }; ErrorId = 'MailServerNotDetermined'; Advice = 'Add-EmailProviderDomain'; Category = 'InvalidArgument' }
        @{ Arguments = @{ EmailAddress = 'carl@fabrikam.com'; MailServer = 'Fabrikam EWS' }; ErrorId = 'MailAccountLoginRequired'; Advice = '-Login'; Category = 'InvalidArgument' }
        @{ Arguments = @{ EmailAddress = 'anna@contoso.com'; Login = 'anna' }; ErrorId = 'MailAccountLoginNotAllowed'; Advice = 'Manual'; Category = 'InvalidArgument' }
        @{ Arguments = @{ EmailAddress = 'not an address' }; ErrorId = 'InvalidEmailAddress'; Advice = 'admin@contoso.com'; Category = 'InvalidArgument' }
        @{ Arguments = @{ EmailAddress = 'EVE@contoso.com' }; ErrorId = 'MailAccountAlreadyExists'; Advice = 'Remove-MailAccount'; Category = 'ResourceExists' }
        @{ Arguments = @{ EmailAddress = 'anna@contoso.com'; MailServer = 'Nowhere' }; ErrorId = 'MailServerNotFound'; Advice = 'New-MailServer'; Category = 'ObjectNotFound' }
    ) {
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress eve@contoso.com -Password (ConvertTo-TestSecureString 'Eve-P@ss-1')
        $before = Get-ConfigurationSnapshot
        New-MailAccount -IdentityStore Contoso @Arguments -Password (ConvertTo-TestSecureString 'x') -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e $ErrorId 'NewMailAccountCommand' $Category
        $e[0].Exception.Message | Should -Match ([regex]::Escape($Advice))
        Assert-ConfigurationUnchanged $before
    }

    It 'needs a password on a Basic server' {
        New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'MailAccountPasswordRequired' 'NewMailAccountCommand' 'InvalidArgument'
    }
}

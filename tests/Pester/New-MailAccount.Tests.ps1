BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'New-MailAccount' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'finds the server through the provider domains and derives the login from its format' {
        $account = New-MailAccount -IdentityStore Contoso -EmailAddress Anna.Lee@Contoso.com -Password (ConvertTo-TestSecureString 'Anna-P@ss-1') | Select-Single
        $account.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailAccountInfo'
        $account.MailServer | Should -Be 'Contoso IMAP'
        $account.Login | Should -Be 'Anna.Lee'
        $account.Password | Should -Be '********'

        Set-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -LoginFormat EmailAddress
        $full = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.net -Password (ConvertTo-TestSecureString 'Ben-P@ss-1') | Select-Single
        $full.Login | Should -Be 'ben@contoso.net'

        $stored = Get-StoredConfigurationText
        $stored | Should -Not -BeLike '*Anna-P@ss-1*'
        $stored | Should -Not -BeLike '*Ben-P@ss-1*'
    }

    It 'takes the given login on a Manual server' {
        $account = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login 'FABRIKAM\carl' -Password (ConvertTo-TestSecureString 'Carl-P@ss-1') | Select-Single
        $account.Login | Should -Be 'FABRIKAM\carl'
        $account.MailServer | Should -Be 'Fabrikam EWS'
    }

    It 'reports <ErrorId> for <Case> with advice and changes nothing' -ForEach @(
        @{ Case = 'a domain no server serves'; Arguments = @{ EmailAddress = 'dora@woodgrove.com' }; ErrorId = 'MailServerNotDetermined'; Advice = 'Add-EmailProviderDomain'; Category = 'InvalidArgument' }
        @{ Case = 'a Manual server without -Login'; Arguments = @{ EmailAddress = 'carl@fabrikam.com'; MailServer = 'Fabrikam EWS' }; ErrorId = 'MailAccountLoginRequired'; Advice = '-Login'; Category = 'InvalidArgument' }
        @{ Case = '-Login on a MailboxName server'; Arguments = @{ EmailAddress = 'anna@contoso.com'; Login = 'anna' }; ErrorId = 'MailAccountLoginNotAllowed'; Advice = 'Manual'; Category = 'InvalidArgument' }
        @{ Case = 'no password on a Basic server'; Arguments = @{ EmailAddress = 'anna@contoso.com' }; WithoutPassword = $true; ErrorId = 'MailAccountPasswordRequired'; Advice = '-Password'; Category = 'InvalidArgument' }
        @{ Case = 'a bad address'; Arguments = @{ EmailAddress = 'not an address' }; ErrorId = 'InvalidEmailAddress'; Advice = 'admin@contoso.com'; Category = 'InvalidArgument' }
        @{ Case = 'an address in another case'; Arguments = @{ EmailAddress = 'EVE@contoso.com' }; ErrorId = 'MailAccountAlreadyExists'; Advice = 'Remove-MailAccount'; Category = 'ResourceExists' }
        @{ Case = 'an unknown server'; Arguments = @{ EmailAddress = 'anna@contoso.com'; MailServer = 'Nowhere' }; ErrorId = 'MailServerNotFound'; Advice = 'New-MailServer'; Category = 'ObjectNotFound' }
    ) {
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress eve@contoso.com -Password (ConvertTo-TestSecureString 'Eve-P@ss-1')
        $password = if ($WithoutPassword) { @{} } else { @{ Password = ConvertTo-TestSecureString 'x' } }
        $before = Get-ConfigurationSnapshot
        $output = New-MailAccount -IdentityStore Contoso @Arguments @password -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.NewMailAccountCommand" $Category
        $e[0].Exception.Message | Should -BeLike "*$Advice*"
        Assert-ConfigurationUnchanged $before
    }

    It 'honours -WhatIf' {
        $before = Get-ConfigurationSnapshot
        $output = New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Password (ConvertTo-TestSecureString 'P@ss-1') -WhatIf
        $output | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Add-EmailProviderDomain' {
    BeforeEach { Initialize-TestConfiguration; New-MailServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'maps domains from the pipeline and by parameter to a server' {
        'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
        $added = Add-EmailProviderDomain -IdentityStore Contoso -Domain fabrikam.com. -MailServer 'fabrikam ews' -PassThru | Select-Single
        $added.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EmailProviderDomainInfo'
        $added.Domain | Should -Be 'fabrikam.com'
        $added.MailServer | Should -Be 'Fabrikam EWS'
        Get-ProviderDomainTable | Should -Be 'contoso.com>Contoso IMAP,contoso.net>Contoso IMAP,fabrikam.com>Fabrikam EWS'
    }

    It 'reports <ErrorId> for <Case> and changes nothing' -ForEach @(
        @{ Case = 'a bad domain name'; Domain = 'not a domain'; MailServer = 'Contoso IMAP'; ErrorId = 'InvalidDomainName'; Category = 'InvalidArgument' }
        @{ Case = 'a domain already mapped'; Domain = 'CONTOSO.com'; MailServer = 'Fabrikam EWS'; ErrorId = 'EmailProviderDomainAlreadyExists'; Category = 'ResourceExists' }
        @{ Case = 'an unknown server'; Domain = 'woodgrove.com'; MailServer = 'Nowhere'; ErrorId = 'MailServerNotFound'; Category = 'ObjectNotFound' }
    ) {
        'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
        $before = Get-ConfigurationSnapshot
        Add-EmailProviderDomain -IdentityStore Contoso -Domain $Domain -MailServer $MailServer -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.AddEmailProviderDomainCommand" $Category
        Assert-ConfigurationUnchanged $before
    }

    It 'adds the good domains of a batch with a bad one' {
        'a.contoso.com', 'bad domain', 'b.contoso.com' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP' -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'InvalidDomainName,MessagingProvider.Commands.AddEmailProviderDomainCommand' 'InvalidArgument'
        Get-ProviderDomainTable | Should -Be 'a.contoso.com>Contoso IMAP,b.contoso.com>Contoso IMAP'
    }

    It 'honours -WhatIf' {
        'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
        $before = Get-ConfigurationSnapshot
        $output = Add-EmailProviderDomain -IdentityStore Contoso -Domain extra.com -MailServer 'Contoso IMAP' -WhatIf
        $output | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }
}

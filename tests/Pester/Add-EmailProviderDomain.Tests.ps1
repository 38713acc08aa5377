BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'Mail.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Add-EmailProviderDomain' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'maps domains to a server, from the pipeline too' {
        $added = Add-EmailProviderDomain -IdentityStore Contoso -Domain fabrikam.com. -MailServer 'fabrikam ews' -PassThru
        $added.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EmailProviderDomainInfo'
        $added.Domain | Should -Be 'fabrikam.com'
        $added.MailServer | Should -Be 'Fabrikam EWS'
        Get-ProviderDomainTable | Should -Be 'contoso.com>Contoso IMAP,contoso.net>Contoso IMAP,fabrikam.com>Fabrikam EWS'
    }

    It 'reports <ErrorId> and changes nothing' -ForEach @(
        @{ Script = { Add-EmailProviderDomain -IdentityStore Contoso -Domain 'not a domain' -MailServer 'Contoso IMAP' -ErrorAction SilentlyContinue -ErrorVariable e; $e }; ErrorId = 'InvalidDomainName'; Category = 'InvalidArgument' }
        @{ Script = { Add-EmailProviderDomain -IdentityStore Contoso -Domain CONTOSO.com -MailServer 'Fabrikam EWS' -ErrorAction SilentlyContinue -ErrorVariable e; $e }; ErrorId = 'EmailProviderDomainAlreadyExists'; Category = 'ResourceExists' }
        @{ Script = { Add-EmailProviderDomain -IdentityStore Contoso -Domain woodgrove.com -MailServer Nowhere -ErrorAction SilentlyContinue -ErrorVariable e; $e }; ErrorId = 'MailServerNotFound'; Category = 'ObjectNotFound' }
    ) {
        $before = Get-ConfigurationSnapshot
        $errors = & $Script
        Assert-SingleError $errors $ErrorId 'AddEmailProviderDomainCommand' $Category
        Assert-ConfigurationUnchanged $before
    }

    It 'adds the good domains of a batch with a bad one' {
        Remove-TestConfiguration; Initialize-TestConfiguration; New-MailServerTestStore
        'a.contoso.com', 'bad domain', 'b.contoso.com' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP' -ErrorAction SilentlyContinue -ErrorVariable e
        Assert-SingleError $e 'InvalidDomainName' 'AddEmailProviderDomainCommand' 'InvalidArgument'
        Get-ProviderDomainTable | Should -Be 'a.contoso.com>Contoso IMAP,b.contoso.com>Contoso IMAP'
    }
}

BeforeAll { . "$PSScriptRoot/Mail.common.ps1" }

Describe 'Get-EmailProviderDomain' {
    BeforeEach { Initialize-TestConfiguration; New-ProviderDomainTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'filters by domain and mail server with wildcards' {
        Add-EmailProviderDomain -IdentityStore Contoso -Domain fabrikam.com -MailServer 'Fabrikam EWS'
        (Get-EmailProviderDomain -IdentityStore Contoso -MailServer Fab* | Select-Single).Domain | Should -Be 'fabrikam.com'
        @(Get-EmailProviderDomain -IdentityStore Contoso -Domain contoso.*).Count | Should -Be 2
    }

    It 'reports <ErrorId> for <Case> and changes nothing' -ForEach @(
        @{ Case = 'an unknown domain'; Arguments = @{ IdentityStore = 'Contoso'; Domain = 'woodgrove.com' }; ErrorId = 'EmailProviderDomainNotFound' }
        @{ Case = 'an unknown store'; Arguments = @{ IdentityStore = 'Nowhere' }; ErrorId = 'IdentityStoreNotFound' }
    ) {
        $before = Get-ConfigurationSnapshot
        $output = Get-EmailProviderDomain @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.GetEmailProviderDomainCommand" 'ObjectNotFound'
        Assert-ConfigurationUnchanged $before
    }
}

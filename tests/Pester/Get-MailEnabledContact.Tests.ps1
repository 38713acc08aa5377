BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'reads mail contacts by name and by identity' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Vendor -Type MailContact -EmailAddresses 'SMTP:vendor@fabrikam.com', 'smtp:vendor@contoso.com'
        Add-StandInRecipient -Identity asmith -Type UserMailbox -EmailAddresses 'SMTP:asmith@contoso.com'
        $contacts = Get-MailEnabledContact -IdentityStore Contoso -Name '*' -ErrorVariable err
        $err.Count | Should -Be 0
        $contacts.Name | Should -BeExactly 'Vendor'
        $contacts.RecipientTypeDetails | Should -BeExactly 'MailContact'
        (Get-MailEnabledContact -IdentityStore Contoso -Identity Vendor).EmailAddresses | Should -BeExactly @('SMTP:vendor@fabrikam.com', 'smtp:vendor@contoso.com')
        Get-MailEnabledContact -IdentityStore Contoso -Identity asmith -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.GetMailEnabledContactCommand' ObjectNotFound
    }
}

Describe 'Get-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'reads Exchange Online mail contacts' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Vendor', 'MailContact', 'SMTP:vendor@fabrikam.com')
        (Get-MailEnabledContact -IdentityStore Cloud -Name 'Ven*').PrimarySmtpAddress | Should -BeExactly 'vendor@fabrikam.com'
    }

    It 'refuses Google Workspace, which has no mail contacts, before any request' {
        New-GoogleTestStore
        Get-MailEnabledContact -IdentityStore G -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleContactNotSupported,MessagingProvider.Commands.GetMailEnabledContactCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'removes a mail contact with Remove-MailContact' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Vendor -Type MailContact -EmailAddresses 'SMTP:vendor@fabrikam.com'
        $removed = Remove-MailEnabledContact -IdentityStore Contoso -Identity Vendor -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Command | Should -BeExactly 'Remove-MailContact'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Remove-MailContact|Vendor')
    }
}

Describe 'Remove-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'removes an Exchange Online mail contact' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Vendor', 'MailContact', 'SMTP:vendor@fabrikam.com')
        (Remove-MailEnabledContact -IdentityStore Cloud -Identity Vendor -Confirm:$false).Command | Should -BeExactly 'Remove-MailContact'
        $ExchangeOnline.Recipients.ContainsKey('Vendor') | Should -BeFalse
    }

    It 'refuses Google Workspace' {
        New-GoogleTestStore
        Remove-MailEnabledContact -IdentityStore G -Identity vendor@fabrikam.com -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleContactNotSupported,MessagingProvider.Commands.RemoveMailEnabledContactCommand' NotImplemented
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Disable-MailEnabledContact' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'disables a mail contact with Disable-MailContact, on the next server when the first is down' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        Stop-StandInServer ExchA
        $null = Start-StandInServer ExchB
        Add-StandInRecipient -Identity Vendor -Type MailContact -EmailAddresses 'SMTP:vendor@fabrikam.com'
        $disabled = Disable-MailEnabledContact -IdentityStore Contoso -Identity Vendor -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $disabled.Command | Should -BeExactly 'Disable-MailContact'
        $disabled.Server | Should -BeExactly 'ExchB'
        Get-StandInJournalLine | Should -BeExactly @('ExchB|Disable-MailContact|Vendor')
    }
}

Describe 'Disable-MailEnabledContact with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'refuses Exchange Online contacts' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Vendor', 'MailContact', 'SMTP:vendor@fabrikam.com')
        Disable-MailEnabledContact -IdentityStore Cloud -Identity Vendor -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeOnlineDisableNotSupported,MessagingProvider.Commands.DisableMailEnabledContactCommand' NotImplemented
    }
}

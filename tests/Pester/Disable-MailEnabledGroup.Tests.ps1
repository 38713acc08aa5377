BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Disable-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'takes mail away from the group with Disable-DistributionGroup after asking' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Disable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -WhatIf | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty
        $disabled = Disable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $disabled.Action | Should -BeExactly 'Disabled'
        $disabled.Command | Should -BeExactly 'Disable-DistributionGroup'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Disable-DistributionGroup|Sales')
        Get-MailEnabledGroup -IdentityStore Contoso -Identity Sales -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
    }

    It 'does not disable again on the next server what the first disabled before it died' {
        New-ExchangeLab -Server ExchA, ExchB
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '1' }
        $null = Start-StandInServer ExchB
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        $disabled = Disable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $exchA.WaitForExit(15000) | Should -BeTrue -Because "the first server ends after the change, as the failover override asks"
        $disabled.CompletedBeforeFailover | Should -BeTrue
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Disable-DistributionGroup|Sales')
    }

    It 'refuses the provider Other' {
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        Disable-MailEnabledGroup -IdentityStore Groups -Identity Sales -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderNotSupported,MessagingProvider.Commands.DisableMailEnabledGroupCommand' NotImplemented
    }
}

Describe 'Disable-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'refuses Exchange Online groups, which have no directory object to keep' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Sales', 'MailUniversalDistributionGroup', 'SMTP:sales@contoso.com')
        Disable-MailEnabledGroup -IdentityStore Cloud -Identity Sales -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeOnlineDisableNotSupported,MessagingProvider.Commands.DisableMailEnabledGroupCommand' NotImplemented
        $ExchangeOnline.Recipients.ContainsKey('Sales') | Should -BeTrue
    }

    It 'refuses Google groups before any request' {
        New-GoogleTestStore
        Disable-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleDisableNotSupported,MessagingProvider.Commands.DisableMailEnabledGroupCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

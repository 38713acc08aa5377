BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'removes nothing with -WhatIf, then removes the group' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Remove-MailEnabledGroup -IdentityStore Contoso -Identity Sales -WhatIf -ErrorVariable err | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
        Get-StandInJournal | Should -BeNullOrEmpty
        $Lab.Directory.Contains('Sales') | Should -BeTrue

        $removed = Remove-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.MailEnabledObjectRemoval'
        $removed.Action | Should -BeExactly 'Removed'
        $removed.Command | Should -BeExactly 'Remove-DistributionGroup'
        $removed.Server | Should -BeExactly 'ExchA'
        $removed.CompletedBeforeFailover | Should -BeFalse
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Remove-DistributionGroup|Sales')
        $Lab.Directory.Contains('Sales') | Should -BeFalse
    }

    It 'removes what Get-MailEnabledGroup found, one result or error per object' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        foreach ($n in 'Temp1', 'Temp2', 'Keep') { Add-StandInRecipient -Identity $n -Type MailUniversalDistributionGroup -EmailAddresses "SMTP:$n@contoso.com" }
        # Collected first: a stand-in server (one pwsh process behind a named pipe) serves one session at a
        # time, and a streaming pipeline would hold Get-'s session open while Remove- opens its own.
        $found = Get-MailEnabledGroup -IdentityStore Contoso -Name 'Temp*'
        $removed = $found | Remove-MailEnabledGroup -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Identity | Should -BeExactly @('Temp1', 'Temp2')
        $Lab.Directory.Contains('Keep') | Should -BeTrue

        Remove-MailEnabledGroup -IdentityStore Contoso -Identity Temp1 -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.RemoveMailEnabledGroupCommand' ObjectNotFound
    }

    It 'does not remove again on the next server what the first removed before it died' {
        New-ExchangeLab -Server ExchA, ExchB
        # ExchA dies right after its first change, before it answers: the removal did happen.
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '1' }
        $null = Start-StandInServer ExchB
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        $run = Split-VerboseOutput (Remove-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Confirm:$false -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $exchA.WaitForExit(15000) | Should -BeTrue -Because "the first server ends after the change, as the failover override asks"
        $run.Output | Should -HaveCount 1
        $run.Output[0].Server | Should -BeExactly 'ExchA'
        $run.Output[0].CompletedBeforeFailover | Should -BeTrue
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Remove-DistributionGroup|Sales')
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchB': Get-Recipient no longer finds the object that 'ExchA' was changing when it dropped; not running Remove-DistributionGroup again (" |
            Should -HaveCount 1
    }

    It 'removes on the next server when the first died before it could' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        Stop-StandInServer ExchA
        $null = Start-StandInServer ExchB
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        $removed = Remove-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Server | Should -BeExactly 'ExchB'
        Get-StandInJournalLine | Should -BeExactly @('ExchB|Remove-DistributionGroup|Sales')
    }
}

Describe 'Remove-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'removes an Exchange Online group' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Sales', 'MailUniversalDistributionGroup', 'SMTP:sales@contoso.com')
        $removed = Remove-MailEnabledGroup -IdentityStore Cloud -Identity Sales -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Command | Should -BeExactly 'Remove-DistributionGroup'
        $ExchangeOnline.Recipients.ContainsKey('Sales') | Should -BeFalse
        $last = $ExchangeOnline.Requests[$ExchangeOnline.Requests.Count - 1]
        $last['Parameters']['Confirm'].GetValue[bool]() | Should -BeFalse
    }

    It 'deletes a Google group' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        Remove-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -WhatIf
        $Google.Groups.ContainsKey('sales@contoso.com') | Should -BeTrue
        $removed = Remove-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -Confirm:$false -ErrorVariable err
        $err.Count | Should -Be 0
        $removed.Command | Should -BeExactly 'groups.delete'
        $Google.Groups.ContainsKey('sales@contoso.com') | Should -BeFalse
    }
}

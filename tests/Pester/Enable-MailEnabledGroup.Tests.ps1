BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'mail-enables piped directory groups on the priority 1 server, in one session' {
        New-ExchangeLab -Server ExchB, ExchA
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $groups = @(
            [pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Sales Team,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'SalesTeam'; Name = 'Sales Team' }
            [pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Finance,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'Finance'; Name = 'Finance' }
        )
        $run = Split-VerboseOutput ($groups | Enable-MailEnabledGroup -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 2
        $run.Output[0].PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.MailEnabledObjectResult'
        $run.Output[0].PrimarySmtpAddress | Should -BeExactly 'SalesTeam@contoso.com'
        $run.Output[0].Server | Should -BeExactly 'ExchB'
        $run.Output[0].Command | Should -BeExactly 'Enable-DistributionGroup'
        $run.Output[1].PrimarySmtpAddress | Should -BeExactly 'Finance@contoso.com'
        Get-StandInJournalLine | Should -BeExactly @(
            'ExchB|Enable-DistributionGroup|CN=Sales Team,OU=Groups,DC=contoso,DC=com'
            'ExchB|Enable-DistributionGroup|CN=Finance,OU=Groups,DC=contoso,DC=com')
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchB': Enable-DistributionGroup -Identity -Alias succeeded (" | Should -Not -BeNullOrEmpty
        # One session for all pipeline input of the invocation.
        @($run.Verbose | Where-Object { $_ -ceq "Exchange server 'ExchB': opening a remote PowerShell session." }) | Should -HaveCount 1
    }

    It 'ends promptly and changes nothing when stopped while a server hangs' {
        New-ExchangeLab -Server ExchHung, ExchB
        $hung = Start-StandInServer ExchHung
        $null = Start-StandInServer ExchB
        # Without StopProcessing cancelling the open, Stop would wait for the 10-minute open timeout.
        Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 600
        $stopped = Stop-EnableMailEnabledGroupAtHungServer -Hung $hung -Identity Sales
        "$($stopped.State)" | Should -Be 'Stopped'
        $stopped.Completed | Should -BeTrue
        $stopped.StopSeconds | Should -BeLessThan 30
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'fails over to priority 2 when the priority 1 process is gone' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        Stop-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $run = Split-VerboseOutput (Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 1
        $run.Output[0].Server | Should -BeExactly 'ExchB'
        Get-StandInJournalLine | Should -BeExactly @('ExchB|Enable-DistributionGroup|Sales')
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchA': connection failed after " | Should -Not -BeNullOrEmpty
    }

    It 'hands the rest of the pipeline to the next server when one is killed, doing nothing twice' {
        New-ExchangeLab -Server ExchA, ExchB
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '2' }
        $null = Start-StandInServer ExchB
        $result = New-GroupObject G1, G2, G3, G4 | Enable-MailEnabledGroup -IdentityStore Contoso -ErrorVariable err
        $err.Count | Should -Be 0
        $exchA.WaitForExit(15000) | Should -BeTrue -Because "the first server ends after the change, as the failover override asks"
        $result.PrimarySmtpAddress | Should -BeExactly @('G1@contoso.com', 'G2@contoso.com', 'G3@contoso.com', 'G4@contoso.com')
        $result.Server | Should -BeExactly @('ExchA', 'ExchA', 'ExchB', 'ExchB')
        $journal = @(Get-StandInJournal)
        $journal | Should -HaveCount 4
        @($journal.Identity | Sort-Object -Unique) | Should -HaveCount 4
        $journal.Server | Should -BeExactly @('ExchA', 'ExchA', 'ExchB', 'ExchB')
    }

    It 'reports an Exchange error naming the server, without failover' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $null = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -ErrorVariable first
        $first.Count | Should -Be 0
        # Without the address checks, which would refuse Sales@contoso.com first (it is Sales's already).
        $result = 'Sales', 'Finance' | Enable-MailEnabledGroup -IdentityStore Contoso -SkipAddressCheck -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeCommandFailed,MessagingProvider.Commands.EnableMailEnabledGroupCommand' InvalidOperation
        $err[0].Exception.Message | Should -BeLikeExactly "*Exchange server 'ExchA'*"
        $err[0].Exception.Message | Should -BeLikeExactly '*already mail-enabled*'
        $result | Should -HaveCount 1
        $result.PrimarySmtpAddress | Should -BeExactly 'Finance@contoso.com'
        (Get-StandInJournal).Server | Should -Not -Contain 'ExchB'
    }

    It 'skips a failed server during the cool-down unless it is turned off' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        Stop-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $null = Enable-MailEnabledGroup -IdentityStore Contoso -Identity G1 -ErrorVariable first
        $first.Count | Should -Be 0

        $cooling = Split-VerboseOutput (Enable-MailEnabledGroup -IdentityStore Contoso -Identity G2 -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $cooling.Output | Should -HaveCount 1
        $cooling.Output[0].Server | Should -BeExactly 'ExchB'
        Select-MessageStartingWith $cooling.Verbose "Exchange server 'ExchA': skipped, it failed recently" | Should -Not -BeNullOrEmpty
        @($cooling.Verbose | Where-Object { $_.Contains("'ExchA': connection failed") }) | Should -HaveCount 0

        Set-ExchangeConnectionOption -IdentityStore Contoso -FailoverCooldownSeconds 0
        $noCooldown = Split-VerboseOutput (Enable-MailEnabledGroup -IdentityStore Contoso -Identity G3 -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $noCooldown.Output | Should -HaveCount 1
        $noCooldown.Output[0].Server | Should -BeExactly 'ExchB'
        Select-MessageStartingWith $noCooldown.Verbose "Exchange server 'ExchA': connection failed" | Should -Not -BeNullOrEmpty
    }

    It 'refuses the address an already mail-enabled group has, naming it, before any change' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $null = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -ErrorVariable first
        $first.Count | Should -Be 0
        Enable-MailEnabledGroup -IdentityStore Contoso -Identity 'CN=Sales,OU=Other,DC=contoso,DC=com' -SamAccountName Sales -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.EnableMailEnabledGroupCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly "*Sales@contoso.com*already used by 'Sales'*"
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Enable-DistributionGroup|Sales')
    }

    It 'refuses a primary address outside the configured domain of the provider Other' {
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        Enable-MailEnabledGroup -IdentityStore Groups -Identity Sales -PrimarySmtpAddress sales@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'DomainNotAccepted,MessagingProvider.Commands.EnableMailEnabledGroupCommand' InvalidArgument
        (Enable-MailEnabledGroup -IdentityStore Groups -Identity Sales -PrimarySmtpAddress team.sales@googlegroups.com).PrimarySmtpAddress | Should -BeExactly 'team.sales@googlegroups.com'
    }

    It 'gives one error naming each server when all are down' {
        New-ExchangeLab -Server ExchA, ExchB
        $result = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        Assert-SingleError $err 'ExchangeServersUnavailable,MessagingProvider.Commands.EnableMailEnabledGroupCommand' ConnectionError
        $err[0].Exception.Message | Should -BeLikeExactly '*ExchA: *'
        $err[0].Exception.Message | Should -BeLikeExactly '*ExchB: *'
    }

    It 'refuses an invalid alias before any connection' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $run = Split-VerboseOutput (Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Alias 'sales team' -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1)
        Assert-SingleError $err 'InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand' InvalidArgument
        $err[0].Exception.Message | Should -BeLikeExactly '*a space*'
        $run.Output | Should -HaveCount 0
        Select-MessageStartingWith $run.Verbose 'Exchange server' | Should -HaveCount 0
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'refuses the provider None' {
        $null = New-IdentityStore -Name Plain
        Enable-MailEnabledGroup -IdentityStore Plain -Identity Sales -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'NoMessagingProvider,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*Set-MessagingProvider*'
    }

    It 'returns the computed address for the provider Other without any connection' {
        $connections = Watch-ExchangeConnection
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -MaximumAliasLength 20 -Force
        $run = Split-VerboseOutput (Enable-MailEnabledGroup -IdentityStore Groups -Identity 'CN=Sales Team,OU=Groups,DC=contoso,DC=com' -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 1
        $run.Output[0].PrimarySmtpAddress | Should -BeExactly 'SalesTeam@googlegroups.com'
        $run.Output[0].Server | Should -BeNullOrEmpty
        "$($run.Output[0].Provider)" | Should -BeExactly 'Other'
        Select-MessageStartingWith $run.Verbose 'Exchange server' | Should -HaveCount 0

        $long = Enable-MailEnabledGroup -IdentityStore Groups -Identity Long -Alias averyveryverylongaliasname -ErrorVariable err -ErrorAction SilentlyContinue
        $long | Should -BeNullOrEmpty
        Assert-SingleError $err 'InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $connections.Count | Should -Be 0
    }
}

Describe 'Enable-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the Exchange Online group under the directory name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales EMEA,OU=Groups,DC=contoso,DC=com' -WarningAction SilentlyContinue -ErrorVariable err
        Assert-CreatedInExchangeOnline $result $err -Address 'SalesEMEA@contoso.com' -Cmdlet New-DistributionGroup -Name 'Sales EMEA'
    }

    It 'sends nothing to Exchange Online with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales,DC=contoso,DC=com' -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        $result | Should -BeNullOrEmpty
        $ExchangeOnline.HttpRequests | Should -Be 0
        $Entra.TokenRequests | Should -Be 0
    }
}

Describe 'Enable-MailEnabledGroup -ManagedBy, -HiddenFromAddressListsEnabled, -Type' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA, ExchB; $null = Start-StandInServer ExchA; $null = Start-StandInServer ExchB }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'sets the owners and hides the group with one Set-DistributionGroup on the server that mail-enabled it (Enable-DistributionGroup has no -ManagedBy)' {
        $result = New-GroupObject Auditors | Enable-MailEnabledGroup -IdentityStore Contoso -ManagedBy alice, bob -HiddenFromAddressListsEnabled -ErrorVariable err
        $err.Count | Should -Be 0
        $result.Command | Should -BeExactly 'Enable-DistributionGroup'
        $calls = @($Lab.Directory.Invocations())
        $calls.Command | Should -BeExactly @('Enable-DistributionGroup', 'Set-DistributionGroup')
        $calls.Server | Should -BeExactly @('ExchA', 'ExchA')
        $calls[0].Parameters.ContainsKey('ManagedBy') | Should -BeFalse
        $calls[1].Parameters['ManagedBy'] | Should -BeExactly 'alice,bob'
        $calls[1].Parameters['HiddenFromAddressListsEnabled'] | Should -BeExactly 'True'
        $Lab.Directory.PropertyOf('CN=Auditors,OU=Groups,DC=contoso,DC=com', 'ManagedBy') | Should -BeExactly 'alice;bob'
    }

    It 'refuses the object settings for the provider Other, which creates nothing to give them to' {
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        $result = Enable-MailEnabledGroup -IdentityStore Groups -Identity Sales -ManagedBy alice -HiddenFromAddressListsEnabled -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        Assert-SingleError $err 'SettingNotSupported,MessagingProvider.Commands.EnableMailEnabledGroupCommand' NotImplemented
        $err[0].Exception.Message | Should -BeLikeExactly '-ManagedBy, -HiddenFromAddressListsEnabled cannot be used*provider Other*'
    }

    It 'refuses -Type on Exchange on premises before anything is sent: the directory group keeps its type' {
        Enable-MailEnabledGroup -IdentityStore Contoso -Identity Auditors -Type Security -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GroupTypeNotSupported,MessagingProvider.Commands.EnableMailEnabledGroupCommand' NotImplemented
        $err[0].Exception.Message | Should -BeLikeExactly '*keeps the type of the Active Directory group*'
        @($Lab.Directory.Invocations()) | Should -HaveCount 0
        @($Lab.Directory.Reads()) | Should -HaveCount 0
    }
}

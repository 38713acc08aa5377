BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Enable-MailEnabledGroup' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'mail-enables piped directory groups on the priority 1 server' {
        New-ExchangeLab -Server ExchB, ExchA
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $groups = @(
            [pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Sales Team,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'SalesTeam'; Name = 'Sales Team' }
            [pscustomobject]@{ IdentityStore = 'Contoso'; DistinguishedName = 'CN=Finance,OU=Groups,DC=contoso,DC=com'; SamAccountName = 'Finance'; Name = 'Finance' }
        )
        $result = $groups | Enable-MailEnabledGroup -Verbose 4>&1
        $objects = $result | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $objects.Count | Should -Be 2
        $objects[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailEnabledObjectResult'
        $objects[0].PrimarySmtpAddress | Should -Be 'SalesTeam@contoso.com'
        $objects[0].Server | Should -Be 'ExchB'
        $objects[0].Command | Should -Be 'Enable-DistributionGroup'
        (Get-StandInJournal).Server | Should -Be @('ExchB', 'ExchB')
        ($result | Where-Object { $_.Message -like "Exchange server 'ExchB': Enable-DistributionGroup -Identity -Alias succeeded (*" }) | Should -Not -BeNullOrEmpty
        # One session for all pipeline input of the invocation.
        @($result | Where-Object { $_.Message -eq "Exchange server 'ExchB': opening a remote PowerShell session." }).Count | Should -Be 1
    }

    It 'ends promptly and changes nothing when stopped while a server hangs' {
        New-ExchangeLab -Server ExchHung, ExchB
        $hung = Start-StandInServer ExchHung
        $null = Start-StandInServer ExchB
        Set-ExchangeConnectionOption -IdentityStore Contoso -OpenTimeoutSeconds 600
        & kill -STOP $hung.ProcessId
        try {
            # A second runspace of this process: same module load context (so the same stand-in routing), same configuration directory.
            $ps = [powershell]::Create()
            $null = $ps.AddScript('Import-Module $args[0]; Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales').AddArgument($ModuleManifest)
            $pending = $ps.BeginInvoke()
            Start-Sleep -Seconds 1
            $ps.Stop()
            "$($ps.InvocationStateInfo.State)" | Should -Be 'Stopped'
            $pending.IsCompleted | Should -BeTrue
            Get-StandInJournal | Should -BeNullOrEmpty
        }
        finally { & kill -CONT $hung.ProcessId }
    }

    It 'fails over to priority 2 when the priority 1 process is gone' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        Stop-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $result = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Verbose 4>&1 | Tee-Object -Variable all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.Server | Should -Be 'ExchB'
        (Get-StandInJournal).Server | Should -Be 'ExchB'
        ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] -and $_.Message -like "Exchange server 'ExchA': connection failed after *" }) | Should -Not -BeNullOrEmpty
    }

    It 'hands the rest of the pipeline to the next server when one is killed, doing nothing twice' {
        New-ExchangeLab -Server ExchA, ExchB
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '2' }
        $null = Start-StandInServer ExchB
        $result = New-GroupObject G1, G2, G3, G4 | Enable-MailEnabledGroup -IdentityStore Contoso
        $exchA.HasExited | Should -BeTrue
        $result.PrimarySmtpAddress | Should -Be @('G1@contoso.com', 'G2@contoso.com', 'G3@contoso.com', 'G4@contoso.com')
        $result.Server | Should -Be @('ExchA', 'ExchA', 'ExchB', 'ExchB')
        $journal = Get-StandInJournal
        $journal.Count | Should -Be 4
        ($journal.Identity | Sort-Object -Unique).Count | Should -Be 4
        $journal.Server | Should -Be @('ExchA', 'ExchA', 'ExchB', 'ExchB')
    }

    It 'reports an Exchange error naming the server, without failover' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $null = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales
        $result = 'Sales', 'Finance' | Enable-MailEnabledGroup -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeCommandFailed,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
        $err[0].Exception.Message | Should -BeLike "*Exchange server 'ExchA'*already mail-enabled*"
        $result.PrimarySmtpAddress | Should -Be 'Finance@contoso.com'
        (Get-StandInJournal).Server | Should -Not -Contain 'ExchB'
    }

    It 'skips a failed server during the cool-down unless it is turned off' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchB
        $null = Enable-MailEnabledGroup -IdentityStore Contoso -Identity G1
        $cooling = Enable-MailEnabledGroup -IdentityStore Contoso -Identity G2 -Verbose 4>&1
        ($cooling | Where-Object { $_.Message -like "Exchange server 'ExchA': skipped, it failed recently*" }) | Should -Not -BeNullOrEmpty
        ($cooling | Where-Object { $_.Message -like "*'ExchA': connection failed*" }) | Should -BeNullOrEmpty
        Set-ExchangeConnectionOption -IdentityStore Contoso -FailoverCooldownSeconds 0
        $again = Enable-MailEnabledGroup -IdentityStore Contoso -Identity G3 -Verbose 4>&1
        ($again | Where-Object { $_.Message -like "Exchange server 'ExchA': connection failed*" }) | Should -Not -BeNullOrEmpty
    }

    It 'gives one error naming each server when all are down' {
        New-ExchangeLab -Server ExchA, ExchB
        $result = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -ErrorVariable err -ErrorAction SilentlyContinue
        $result | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeServersUnavailable,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -BeLike '*ExchA: *ExchB: *'
    }

    It 'refuses an invalid alias before any connection' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $all = Enable-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Alias 'sales team' -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike '*a space*'
        ($all | Where-Object { $_.Message -like 'Exchange server*' }) | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'refuses the provider None' {
        $null = New-IdentityStore -Name Plain
        Enable-MailEnabledGroup -IdentityStore Plain -Identity Sales -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NoMessagingProvider,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
        $err[0].Exception.Message | Should -BeLike '*Set-MessagingProvider*'
    }

    It 'returns the computed address for the provider Other without any connection' {
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -MaximumAliasLength 20 -Force
        $script:StandIns = @{}; $script:Reconnected = @{}
        Set-StandInRouting
        $result = Enable-MailEnabledGroup -IdentityStore Groups -Identity 'CN=Sales Team,OU=Groups,DC=contoso,DC=com' -Verbose 4>&1
        $object = $result | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $object.PrimarySmtpAddress | Should -Be 'SalesTeam@googlegroups.com'
        $object.Server | Should -BeNullOrEmpty
        "$($object.Provider)" | Should -Be 'Other'
        ($result | Where-Object { $_.Message -like 'Exchange server*' }) | Should -BeNullOrEmpty
        Enable-MailEnabledGroup -IdentityStore Groups -Identity Long -Alias averyveryverylongaliasname -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidAlias,MessagingProvider.Commands.EnableMailEnabledGroupCommand'
    }
}

Describe 'Enable-MailEnabledGroup with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the cloud group under the directory name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales EMEA,OU=Groups,DC=contoso,DC=com' -WarningAction SilentlyContinue
        $result.PrimarySmtpAddress | Should -Be 'SalesEMEA@contoso.com'
        $result.Command | Should -Be 'New-DistributionGroup'
        $ExchangeOnline.Requests | Should -HaveCount 1
        $ExchangeOnline.Requests[0]['Parameters']['Name'].ToString() | Should -Be 'Sales EMEA'
    }

    It 'sends nothing with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        Enable-MailEnabledGroup -IdentityStore Cloud -Identity 'CN=Sales,DC=contoso,DC=com' -WhatIf | Should -BeNullOrEmpty
        $ExchangeOnline.HttpRequests | Should -Be 0
        $Entra.TokenRequests | Should -Be 0
    }
}

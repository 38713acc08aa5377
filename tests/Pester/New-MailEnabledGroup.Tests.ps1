BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes nothing with -WhatIf, then creates the group' {
        $preview = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        $preview | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty

        $created = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -Alias projectx -ErrorVariable err
        $err.Count | Should -Be 0
        $created | Should -HaveCount 1
        $created.PrimarySmtpAddress | Should -BeExactly 'projectx@contoso.com'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-DistributionGroup|Project X')
    }

    It 'reports an existing name as an Exchange error naming the server' {
        $null = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -ErrorVariable first
        $first.Count | Should -Be 0
        # Another alias: the address is free, so the address checks pass and Exchange refuses the name.
        New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -Alias projectx2 -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeCommandFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly "*Exchange server 'ExchA'*"
    }
}

Describe 'New-MailEnabledGroup address checks' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'refuses a primary address in a domain the organisation does not accept, creating nothing' {
        $Lab.Directory.SetAcceptedDomains('contoso.com')
        New-MailEnabledGroup -IdentityStore Contoso -Name Sales -PrimarySmtpAddress sales@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'DomainNotAccepted,MessagingProvider.Commands.NewMailEnabledGroupCommand' InvalidArgument
        $err[0].Exception.Message | Should -BeLikeExactly '*fabrikam.com is not an accepted domain*contoso.com*-SkipAddressCheck*'
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'gives the group the -PrimarySmtpAddress in an accepted subdomain' {
        $Lab.Directory.SetAcceptedDomains('contoso.com', '*.contoso.com')
        $created = New-MailEnabledGroup -IdentityStore Contoso -Name Sales -PrimarySmtpAddress sales@eu.contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $created.PrimarySmtpAddress | Should -BeExactly 'sales@eu.contoso.com'
        (Get-StandInEmailAddresses Sales) | Should -BeExactly 'SMTP:sales@eu.contoso.com'
    }

    It 'names the recipient that holds the address, and leaves it to Exchange with -SkipAddressCheck' {
        Add-StandInRecipient -Identity 'Sales Old' -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:old@contoso.com', 'smtp:sales@contoso.com'
        New-MailEnabledGroup -IdentityStore Contoso -Name Sales -Alias sales -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly "*sales@contoso.com*already used by 'Sales Old'*"
        Get-StandInJournal | Should -BeNullOrEmpty

        New-MailEnabledGroup -IdentityStore Contoso -Name Sales -Alias sales -SkipAddressCheck -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeCommandFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly '*proxy address*sales@contoso.com*'
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-AcceptedDomain') | Should -HaveCount 1
    }
}

Describe 'New-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the group in Exchange Online and warns that membership comes from directory sync' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $run = Split-VerboseOutput (New-MailEnabledGroup -IdentityStore Cloud -Name 'Project X' -Alias projectx -DisplayName 'Project X team' -Verbose `
                -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 1
        $result = $run.Output[0]
        $result.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.MailEnabledObjectResult'
        $result.PrimarySmtpAddress | Should -BeExactly 'projectx@contoso.com'
        "$($result.Provider)" | Should -BeExactly 'Office365'
        $result.Command | Should -BeExactly 'New-DistributionGroup'
        $result.RecipientTypeDetails | Should -BeExactly 'MailUniversalDistributionGroup'

        Get-ExchangeOnlineCmdlet | Should -BeExactly @('Get-AcceptedDomain', 'Get-Recipient', 'New-DistributionGroup')
        $sent = $ExchangeOnline.Requests[2]
        $sent['CmdletName'].ToString() | Should -BeExactly 'New-DistributionGroup'
        $parameters = $sent['Parameters']
        ($parameters | ForEach-Object { $_.Key } | Sort-Object) -join ',' | Should -BeExactly 'Alias,DisplayName,Name,PrimarySmtpAddress'
        $parameters['Name'].ToString() | Should -BeExactly 'Project X'
        $parameters['Alias'].ToString() | Should -BeExactly 'projectx'
        $parameters['DisplayName'].ToString() | Should -BeExactly 'Project X team'
        $parameters['PrimarySmtpAddress'].ToString() | Should -BeExactly 'projectx@contoso.com'

        $warnings.Message | Should -Contain "The group 'Project X' was created without an owner."
        @($warnings.Message | Where-Object { $_.Contains('does not populate the membership of groups in Office 365') -and $_.Contains('Microsoft Entra Connect') }) |
            Should -Not -BeNullOrEmpty
        @($run.Verbose | Where-Object { $_.Contains("New-DistributionGroup at $($ExchangeOnline.Endpoint)") }) | Should -Not -BeNullOrEmpty
        @($run.Verbose | Where-Object { $_.Contains($Entra.ClientSecret) }) | Should -HaveCount 0
    }

    It 'sends nothing with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $preview = 'A', 'B' | New-MailEnabledGroup -IdentityStore Cloud -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        $preview | Should -BeNullOrEmpty
        $ExchangeOnline.HttpRequests | Should -Be 0
        $Entra.TokenRequests | Should -Be 0
    }

    It 'uses one token for a pipeline of three groups and the next command' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $created = 'Alpha', 'Beta', 'Gamma' | New-MailEnabledGroup -IdentityStore Cloud -WarningAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 0
        $created.PrimarySmtpAddress | Should -BeExactly @('Alpha@contoso.com', 'Beta@contoso.com', 'Gamma@contoso.com')
        # The accepted domains are read once for the pipeline; each address is checked, then created.
        Get-ExchangeOnlineCmdlet | Should -BeExactly @('Get-AcceptedDomain', 'Get-Recipient', 'New-DistributionGroup', 'Get-Recipient', 'New-DistributionGroup', 'Get-Recipient', 'New-DistributionGroup')
        $Entra.TokenRequests | Should -Be 1

        # The next command of the session signs in no more.
        $null = New-MailEnabledGroup -IdentityStore Cloud -Name Delta -WarningAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 0
        @(Get-ExchangeOnlineChange) | Should -HaveCount 4
        $Entra.TokenRequests | Should -Be 1
    }

    It 'refuses -OrganizationalUnit for Office 365 before anything is sent' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        New-MailEnabledGroup -IdentityStore Cloud -Name Dee -OrganizationalUnit 'contoso.com/Groups' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'OrganizationalUnitNotSupported,MessagingProvider.Commands.NewMailEnabledGroupCommand' NotImplemented
        $ExchangeOnline.HttpRequests | Should -Be 0
    }

    It 'ends the wait for a throttling Exchange Online when stopped' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.Throttle(1, 429, 60)
        Stop-CommandAtExchangeOnline 'New-MailEnabledGroup -IdentityStore Cloud -Name Sales'
        $ExchangeOnline.HttpRequests | Should -Be 1
        $ExchangeOnline.Groups.Count | Should -Be 0
    }

    It 'creates the Google group in the store''s domain' {
        New-GoogleTestStore
        $run = Split-VerboseOutput (New-MailEnabledGroup -IdentityStore G -Name 'Project X' -Alias projectx -Verbose -WarningVariable warnings -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 1
        $result = $run.Output[0]
        $result.PrimarySmtpAddress | Should -BeExactly 'projectx@contoso.com'
        "$($result.Provider)" | Should -BeExactly 'GoogleWorkspace'
        $result.Command | Should -BeExactly 'groups.insert'
        $Google.Groups['projectx@contoso.com']['name'].ToString() | Should -BeExactly 'Project X'
        @($run.Verbose | Where-Object { $_.Contains('Insert group projectx@contoso.com') }) | Should -Not -BeNullOrEmpty
        $warnings | Should -BeNullOrEmpty
    }

    It 'refuses an address Google already uses, before the create and, with -SkipAddressCheck, from Google' {
        New-GoogleTestStore
        New-MailEnabledGroup -IdentityStore G -Name 'Alice fans' -Alias alice -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLikeExactly "*already used by 'alice@contoso.com'*"
        New-MailEnabledGroup -IdentityStore G -Name 'Alice fans' -Alias alice -SkipAddressCheck -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GoogleGroupExists,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        $Google.Groups.Count | Should -Be 0
    }

    It 'refuses a primary address outside the Google domains and aliases, and takes one inside' {
        New-GoogleTestStore
        $Google.Domains['contoso.com'] = [string[]] @('contoso.net')
        New-MailEnabledGroup -IdentityStore G -Name 'Sales' -PrimarySmtpAddress sales@fabrikam.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'DomainNotAccepted,MessagingProvider.Commands.NewMailEnabledGroupCommand' InvalidArgument
        $created = New-MailEnabledGroup -IdentityStore G -Name 'Sales' -PrimarySmtpAddress sales@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $created.PrimarySmtpAddress | Should -BeExactly 'sales@contoso.com'
        $Google.DomainListRequests | Should -Be 2
    }
}

Describe 'New-MailEnabledGroup in bulk' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'creates 500 groups from a CSV file with one session, one accepted-domains read, 500 results and progress' {
        $csv = [System.IO.Path]::Combine($ConfigDirectory, 'groups.csv')
        $rows = foreach ($i in 1..500) { [pscustomobject]@{ IdentityStore = 'Contoso'; Name = 'Bulk Group {0:000}' -f $i; Alias = 'bulk{0:000}' -f $i } }
        $rows | Export-Csv -Path $csv -NoTypeInformation
        $before = $Lab.ConnectionsOpened

        # Its own runspace of this process (same module load context and stand-in routing): Write-Progress
        # records are kept in Streams.Progress there, and this thread can show it is alive meanwhile.
        $shell = [powershell]::Create()
        try {
            $null = $shell.AddScript('Import-Module -Name $args[0] -Force; Import-Csv -Path $args[1] | New-MailEnabledGroup').AddArgument($ModuleManifest).AddArgument($csv)
            $running = $shell.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddMinutes(10)
            while (-not $running.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(15))) {
                if ([datetime]::UtcNow -gt $deadline) { $shell.Stop(); throw 'The 500-row pipeline did not finish within 10 minutes.' }
                Write-Host ('bulk create: {0} of 500 journaled' -f @(Get-StandInJournal).Count)
            }
            $results = $shell.EndInvoke($running)
            $errors = @($shell.Streams.Error)
            $progress = @($shell.Streams.Progress)
        }
        finally { $shell.Dispose() }

        $errors | Should -HaveCount 0 -Because (($errors | ForEach-Object { "$_" }) -join '; ')
        $results | Should -HaveCount 500
        $results[499].PrimarySmtpAddress | Should -BeExactly 'bulk500@contoso.com'
        @(Get-StandInJournal) | Should -HaveCount 500
        $Lab.ConnectionsOpened - $before | Should -Be 1 -Because 'one session serves the whole pipeline'
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-AcceptedDomain') | Should -HaveCount 1
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-Recipient') | Should -HaveCount 500
        # Silent for the first 20 rows, then one record per row naming it, and a completed record at the end.
        $running = @($progress | Where-Object RecordType -EQ Processing)
        $running | Should -HaveCount 480
        $running[0].Activity | Should -BeExactly 'New-MailEnabledGroup'
        $running[0].StatusDescription | Should -BeExactly '21 objects: Bulk Group 021'
        $progress[-1].RecordType | Should -Be Completed
    }
}

Describe 'New-MailEnabledGroup -Type, -ManagedBy, -HiddenFromAddressListsEnabled' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'sends -Type and -ManagedBy with New-DistributionGroup and hides the group with a Set-DistributionGroup on the same server, after the address checks' {
        New-ExchangeLab -Server ExchA, ExchB
        $null = Start-StandInServer ExchA
        $null = Start-StandInServer ExchB
        $Lab.Directory.SetAcceptedDomains('contoso.com')
        $run = Split-VerboseOutput (New-MailEnabledGroup -IdentityStore Contoso -Name Auditors -Type Security -ManagedBy alice, bob -HiddenFromAddressListsEnabled -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        # What -WhatIf and -Confirm show is what ShouldProcess was asked.
        Select-MessageStartingWith $run.Verbose 'Performing the operation "New-DistributionGroup on Exchange (ExchA, ExchB), then Set-DistributionGroup -HiddenFromAddressListsEnabled on the same server' |
            Should -Not -BeNullOrEmpty
        $created = $run.Output
        $created.PrimarySmtpAddress | Should -BeExactly 'Auditors@contoso.com'
        $created.RecipientTypeDetails | Should -BeExactly 'MailUniversalSecurityGroup'
        $calls = @($Lab.Directory.Invocations())
        $calls.Command | Should -BeExactly @('New-DistributionGroup', 'Set-DistributionGroup')
        $calls.Server | Should -BeExactly @('ExchA', 'ExchA')
        $calls[0].Parameters['Type'] | Should -BeExactly 'Security'
        $calls[0].Parameters['ManagedBy'] | Should -BeExactly 'alice,bob'
        $calls[0].Parameters.ContainsKey('HiddenFromAddressListsEnabled') | Should -BeFalse
        $calls[1].Parameters['Identity'] | Should -BeExactly 'Auditors'
        $calls[1].Parameters['HiddenFromAddressListsEnabled'] | Should -BeExactly 'True'
        $calls[1].Parameters.ContainsKey('ManagedBy') | Should -BeFalse
        $Lab.Directory.PropertyOf('Auditors', 'HiddenFromAddressListsEnabled') | Should -BeExactly 'True'
        $Lab.Directory.PropertyOf('Auditors', 'ManagedBy') | Should -BeExactly 'alice;bob'
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-AcceptedDomain') | Should -HaveCount 1
    }

    It 'sends no Set-DistributionGroup without -HiddenFromAddressListsEnabled' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $null = New-MailEnabledGroup -IdentityStore Contoso -Name Auditors -ManagedBy alice -ErrorVariable err
        $err.Count | Should -Be 0
        @($Lab.Directory.Invocations()).Command | Should -BeExactly @('New-DistributionGroup')
    }

    It 'still refuses an address in use before anything is created' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity 'Old Auditors' -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:auditors@contoso.com'
        New-MailEnabledGroup -IdentityStore Contoso -Name Auditors -Alias auditors -Type Security -HiddenFromAddressListsEnabled -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'EmailAddressInUse,MessagingProvider.Commands.NewMailEnabledGroupCommand' ResourceExists
        @($Lab.Directory.Invocations()) | Should -HaveCount 0
    }

    It 'hides the group on the server that found it when the creating server dropped, creating it once' {
        New-ExchangeLab -Server ExchA, ExchB
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '1' }
        $null = Start-StandInServer ExchB
        $created = New-MailEnabledGroup -IdentityStore Contoso -Name Auditors -HiddenFromAddressListsEnabled -ErrorVariable err
        $err.Count | Should -Be 0
        $exchA.WaitForExit(15000) | Should -BeTrue -Because 'the first server ends after its create, as the failover override asks'
        $created.Server | Should -BeExactly 'ExchA'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-DistributionGroup|Auditors', 'ExchB|Set-DistributionGroup|Auditors')
        $Lab.Directory.PropertyOf('Auditors', 'HiddenFromAddressListsEnabled') | Should -BeExactly 'True'
    }

    It 'never sends the Set to another server when the creating server drops during it' {
        New-ExchangeLab -Server ExchA, ExchB
        $exchA = Start-StandInServer ExchA @{ STANDIN_EXIT_AFTER_CHANGES = '2' }
        $null = Start-StandInServer ExchB
        New-MailEnabledGroup -IdentityStore Contoso -Name Auditors -HiddenFromAddressListsEnabled -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SettingsAfterCreateFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand' ConnectionError
        $err[0].Exception.Message | Should -BeLikeExactly "*'Auditors' was created by New-DistributionGroup on 'ExchA'*Set-MailEnabledGroup -Identity 'Auditors' -HiddenFromAddressListsEnabled `$true*"
        $exchA.WaitForExit(15000) | Should -BeTrue
        Get-StandInJournalLine | Should -BeExactly @('ExchA|New-DistributionGroup|Auditors', 'ExchA|Set-DistributionGroup|Auditors')
    }
}

Describe 'New-MailEnabledGroup -Type, -ManagedBy, -HiddenFromAddressListsEnabled with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'sends -Type and -ManagedBy to Exchange Online with New-DistributionGroup, then hides the group with Set-DistributionGroup' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $created = New-MailEnabledGroup -IdentityStore Cloud -Name Auditors -Type Security -ManagedBy alice -HiddenFromAddressListsEnabled -WarningAction SilentlyContinue -ErrorVariable err
        $err.Count | Should -Be 0
        $created.Command | Should -BeExactly 'New-DistributionGroup'
        Get-ExchangeOnlineCmdlet | Should -BeExactly @('Get-AcceptedDomain', 'Get-Recipient', 'New-DistributionGroup', 'Set-DistributionGroup')
        $changes = @(Get-ExchangeOnlineChange)
        $changes[0]['Parameters']['Type'].ToString() | Should -BeExactly 'Security'
        @($changes[0]['Parameters']['ManagedBy'] | ForEach-Object { $_.ToString() }) | Should -BeExactly @('alice')
        $changes[1]['Parameters']['Identity'].ToString() | Should -BeExactly 'Auditors'
        $changes[1]['Parameters']['HiddenFromAddressListsEnabled'].GetValue[bool]() | Should -BeTrue
        $ExchangeOnline.Recipients['Auditors']['HiddenFromAddressListsEnabled'].GetValue[bool]() | Should -BeTrue
    }

    It 'keeps a Google group out of the global address list through the Groups Settings API' {
        New-GoogleTestStore
        $created = New-MailEnabledGroup -IdentityStore G -Name Auditors -Alias auditors -HiddenFromAddressListsEnabled -ErrorVariable err
        $err.Count | Should -Be 0
        $created.PrimarySmtpAddress | Should -BeExactly 'auditors@contoso.com'
        $Google.GroupsSettingsRequests | Should -BeExactly @('PATCH auditors@contoso.com includeInGlobalAddressList')
        $token = $Google.IssueToken([MessagingProvider.TestSupport.GoogleStandIn]::GroupsSettingsScope)
        $settings = Invoke-RestMethod -Uri "$($Google.GroupsSettingsApi)groups/v1/groups/auditors@contoso.com?alt=json" -Headers @{ Authorization = "Bearer $token" }
        $settings.includeInGlobalAddressList | Should -BeExactly 'false'
    }

    It 'creates no Google group when the Groups Settings scope is not granted, and says how to grant it' {
        New-GoogleTestStore
        $Google.RefuseGroupsSettingsScope()
        New-MailEnabledGroup -IdentityStore G -Name Auditors -Alias auditors -HiddenFromAddressListsEnabled -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GroupsSettingsScopeNotGranted,MessagingProvider.Commands.NewMailEnabledGroupCommand' PermissionDenied
        $err[0].Exception.Message | Should -BeLikeExactly '*https://www.googleapis.com/auth/apps.groups.settings*domain-wide delegation*'
        $Google.Groups.Count | Should -Be 0
    }

    It 'refuses -Type Security and -ManagedBy on Google before any request' {
        New-GoogleTestStore
        New-MailEnabledGroup -IdentityStore G -Name Auditors -Type Security -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SettingNotSupported,MessagingProvider.Commands.NewMailEnabledGroupCommand' NotImplemented
        $err[0].Exception.Message | Should -BeLikeExactly '*-Type Security*'
        New-MailEnabledGroup -IdentityStore G -Name Auditors -ManagedBy alice@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SettingNotSupported,MessagingProvider.Commands.NewMailEnabledGroupCommand' NotImplemented
        $Google.ApiRequests | Should -Be 0
    }
}

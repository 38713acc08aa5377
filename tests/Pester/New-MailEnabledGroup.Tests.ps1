BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'New-MailEnabledGroup' {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA; $null = Start-StandInServer ExchA }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes nothing with -WhatIf, then creates the group' {
        New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -WhatIf | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty
        $created = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -Alias projectx
        $created.PrimarySmtpAddress | Should -Be 'projectx@contoso.com'
        $journal = Get-StandInJournal
        "$($journal.Server)|$($journal.Command)|$($journal.Identity)" | Should -Be 'ExchA|New-DistributionGroup|Project X'
    }

    It 'reports an existing name as an Exchange error naming the server' {
        $null = New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X'
        New-MailEnabledGroup -IdentityStore Contoso -Name 'Project X' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeCommandFailed,MessagingProvider.Commands.NewMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $err[0].Exception.Message | Should -BeLike "*Exchange server 'ExchA'*"
    }
}

Describe 'New-MailEnabledGroup with the cloud providers' {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'creates the group in Exchange Online and warns that membership comes from directory sync' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $result = New-MailEnabledGroup -IdentityStore Cloud -Name 'Project X' -Alias projectx -DisplayName 'Project X team' -WarningVariable warnings -WarningAction SilentlyContinue
        $result.PrimarySmtpAddress | Should -Be 'projectx@contoso.com'
        "$($result.Provider)|$($result.Command)|$($result.RecipientTypeDetails)" | Should -Be 'Office365|New-DistributionGroup|MailUniversalDistributionGroup'
        $ExchangeOnline.Requests | Should -HaveCount 1
        $sent = $ExchangeOnline.Requests[0]
        $sent['CmdletName'].ToString() | Should -Be 'New-DistributionGroup'
        $parameters = $sent['Parameters']
        ($parameters | ForEach-Object { $_.Key } | Sort-Object) -join ',' | Should -Be 'Alias,DisplayName,Name,PrimarySmtpAddress'
        $parameters['Name'].ToString() | Should -Be 'Project X'
        $parameters['PrimarySmtpAddress'].ToString() | Should -Be 'projectx@contoso.com'
        $warnings.Message | Should -Contain "The group 'Project X' was created without an owner."
        ($warnings.Message | Where-Object { $_ -like '*does not populate the membership of groups in Office 365*Microsoft Entra Connect*' }) | Should -HaveCount 1
    }

    It 'sends nothing with -WhatIf' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        'A', 'B' | New-MailEnabledGroup -IdentityStore Cloud -WhatIf | Should -BeNullOrEmpty
        $ExchangeOnline.HttpRequests | Should -Be 0
        $Entra.TokenRequests | Should -Be 0
    }

    It 'uses one token for a pipeline of three groups and the next command' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $created = 'Alpha', 'Beta', 'Gamma' | New-MailEnabledGroup -IdentityStore Cloud -WarningAction SilentlyContinue
        $created.PrimarySmtpAddress | Should -Be @('Alpha@contoso.com', 'Beta@contoso.com', 'Gamma@contoso.com')
        $ExchangeOnline.Requests | Should -HaveCount 3
        $Entra.TokenRequests | Should -Be 1
        $null = New-MailEnabledGroup -IdentityStore Cloud -Name Delta -WarningAction SilentlyContinue
        $ExchangeOnline.Requests | Should -HaveCount 4
        $Entra.TokenRequests | Should -Be 1
    }

    It 'refuses -OrganizationalUnit for Office 365 before anything is sent' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        New-MailEnabledGroup -IdentityStore Cloud -Name Dee -OrganizationalUnit 'contoso.com/Groups' -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'OrganizationalUnitNotSupported,MessagingProvider.Commands.NewMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'NotImplemented'
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
        $result = New-MailEnabledGroup -IdentityStore G -Name 'Project X' -Alias projectx -WarningVariable warnings
        $result.PrimarySmtpAddress | Should -Be 'projectx@contoso.com'
        "$($result.Provider)|$($result.Command)" | Should -Be 'GoogleWorkspace|groups.insert'
        $Google.Groups['projectx@contoso.com']['name'].ToString() | Should -Be 'Project X'
        $warnings | Should -BeNullOrEmpty
    }

    It 'refuses an address Google already uses' {
        New-GoogleTestStore
        New-MailEnabledGroup -IdentityStore G -Name 'Alice fans' -Alias alice -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GoogleGroupExists,MessagingProvider.Commands.NewMailEnabledGroupCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ResourceExists'
        $Google.Groups.Count | Should -Be 0
    }
}

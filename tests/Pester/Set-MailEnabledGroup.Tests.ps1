BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'changes the group with one Set-DistributionGroup after asking, and -PassThru shows it as read after' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Set-MailEnabledGroup -IdentityStore Contoso -Identity Sales -DisplayName 'Sales team' -WhatIf | Should -BeNullOrEmpty
        Get-StandInJournal | Should -BeNullOrEmpty

        $set = Set-MailEnabledGroup -IdentityStore Contoso -Identity Sales -DisplayName 'Sales team' -ManagedBy alice, bob -HiddenFromAddressListsEnabled $true `
            -MemberJoinRestriction ApprovalRequired -MemberDepartRestriction Closed -RequireSenderAuthenticationEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.DisplayName | Should -BeExactly 'Sales team'
        $set.ManagedBy | Should -BeExactly @('alice', 'bob')
        $set.HiddenFromAddressListsEnabled | Should -BeTrue
        $set.Server | Should -BeExactly 'ExchA'
        Get-StandInJournalLine | Should -BeExactly @('ExchA|Set-DistributionGroup|Sales')
        $script:Lab.Directory.PropertyOf('Sales', 'MemberJoinRestriction') | Should -BeExactly 'ApprovalRequired'
        $script:Lab.Directory.PropertyOf('Sales', 'MemberDepartRestriction') | Should -BeExactly 'Closed'
        $script:Lab.Directory.PropertyOf('Sales', 'RequireSenderAuthenticationEnabled') | Should -BeExactly 'True'
    }

    It 'writes nothing without -PassThru' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Set-MailEnabledGroup -IdentityStore Contoso -Identity Sales -DisplayName 'Sales team' | Should -BeNullOrEmpty
        $script:Lab.Directory.PropertyOf('Sales', 'DisplayName') | Should -BeExactly 'Sales team'
    }

    It 'takes Get-MailEnabledGroup output by property name and sends only the settings that differ' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Add-StandInRecipient -Identity Support -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:support@contoso.com'
        # In parentheses: a stand-in server's named pipe takes one session at a time, and Get- keeps its session while it streams.
        $set = (Get-MailEnabledGroup -IdentityStore Contoso -Name 'S*') | Set-MailEnabledGroup -HiddenFromAddressListsEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.Count | Should -Be 2
        $set.HiddenFromAddressListsEnabled | Should -BeExactly @($true, $true)
        (Get-StandInJournalLine | Sort-Object) | Should -BeExactly @('ExchA|Set-DistributionGroup|Sales', 'ExchA|Set-DistributionGroup|Support')
        $script:Lab.Directory.PropertyOf('Sales', 'ManagedBy') | Should -BeExactly ''
    }

    It 'takes Import-Csv rows by property name' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        Add-StandInRecipient -Identity Support -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:support@contoso.com'
        $csv = "IdentityStore,Identity,DisplayName`nContoso,Sales,Sales team`nContoso,Support,Support desk" | ConvertFrom-Csv
        $csv | Set-MailEnabledGroup -ErrorVariable err
        $err.Count | Should -Be 0
        $script:Lab.Directory.PropertyOf('Sales', 'DisplayName') | Should -BeExactly 'Sales team'
        $script:Lab.Directory.PropertyOf('Support', 'DisplayName') | Should -BeExactly 'Support desk'
    }

    It 'reports a group that does not exist as RecipientNotFound and sends no Set' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        Set-MailEnabledGroup -IdentityStore Contoso -Identity Nobody -DisplayName X -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.SetMailEnabledGroupCommand' ObjectNotFound
        Get-StandInJournal | Should -BeNullOrEmpty
    }

    It 'refuses the provider Other' {
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        Set-MailEnabledGroup -IdentityStore Groups -Identity Sales -DisplayName X -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderNotSupported,MessagingProvider.Commands.SetMailEnabledGroupCommand' NotImplemented
    }
}

Describe 'Set-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'changes an Exchange Online group with Set-DistributionGroup over REST' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Sales', 'MailUniversalDistributionGroup', 'SMTP:sales@contoso.com')
        $set = Set-MailEnabledGroup -IdentityStore Cloud -Identity Sales -DisplayName 'Sales team' -HiddenFromAddressListsEnabled $true -MemberJoinRestriction Open -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.DisplayName | Should -BeExactly 'Sales team'
        $set.HiddenFromAddressListsEnabled | Should -BeTrue
        $changes = @(Get-ExchangeOnlineChange)
        $changes | Should -HaveCount 1
        $changes[0]['CmdletName'].ToString() | Should -BeExactly 'Set-DistributionGroup'
        $changes[0]['Parameters']['MemberJoinRestriction'].ToString() | Should -BeExactly 'Open'
        $ExchangeOnline.Recipients['Sales']['MemberJoinRestriction'].ToString() | Should -BeExactly 'Open'
    }

    It 'renames a Google group with groups.patch' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        $set = Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -DisplayName 'Sales team' -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.DisplayName | Should -BeExactly 'Sales team'
        $Google.Groups['sales@contoso.com']['name'].GetValue[string]() | Should -BeExactly 'Sales team'
    }

    It 'refuses on Google what has no Google setting, before any request' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -HiddenFromAddressListsEnabled $true -ManagedBy alice@contoso.com -MemberDepartRestriction Closed -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SettingNotSupported,MessagingProvider.Commands.SetMailEnabledGroupCommand' NotImplemented
        $err[0].Exception.Message | Should -BeLikeExactly 'ManagedBy, MemberDepartRestriction cannot be set*'
        $Google.ApiRequests | Should -Be 0
    }

    It 'maps the join restriction, sender authentication and address-list visibility to the Groups Settings API' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        $set = Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -MemberJoinRestriction Open -RequireSenderAuthenticationEnabled $true `
            -HiddenFromAddressListsEnabled $true -PassThru -ErrorVariable err
        $err.Count | Should -Be 0
        $set.HiddenFromAddressListsEnabled | Should -BeTrue
        $Google.GroupsSettingsRequests | Should -BeExactly @('PATCH sales@contoso.com whoCanJoin,whoCanPostMessage,includeInGlobalAddressList')
        $token = $Google.IssueToken([MessagingProvider.TestSupport.GoogleStandIn]::GroupsSettingsScope)
        $settings = Invoke-RestMethod -Uri "$($Google.GroupsSettingsApi)groups/v1/groups/sales@contoso.com?alt=json" -Headers @{ Authorization = "Bearer $token" }
        $settings.whoCanJoin | Should -BeExactly 'ALL_IN_DOMAIN_CAN_JOIN'
        $settings.whoCanPostMessage | Should -BeExactly 'ALL_IN_DOMAIN_CAN_POST'
        $settings.includeInGlobalAddressList | Should -BeExactly 'false'

        Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -MemberJoinRestriction ApprovalRequired -RequireSenderAuthenticationEnabled $false -HiddenFromAddressListsEnabled $false -ErrorVariable err
        $err.Count | Should -Be 0
        $settings = Invoke-RestMethod -Uri "$($Google.GroupsSettingsApi)groups/v1/groups/sales@contoso.com?alt=json" -Headers @{ Authorization = "Bearer $token" }
        $settings.whoCanJoin | Should -BeExactly 'CAN_REQUEST_TO_JOIN'
        $settings.whoCanPostMessage | Should -BeExactly 'ANYONE_CAN_POST'
        $settings.includeInGlobalAddressList | Should -BeExactly 'true'
        Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -MemberJoinRestriction Closed
        (Invoke-RestMethod -Uri "$($Google.GroupsSettingsApi)groups/v1/groups/sales@contoso.com?alt=json" -Headers @{ Authorization = "Bearer $token" }).whoCanJoin |
            Should -BeExactly 'INVITED_CAN_JOIN'
    }

    It 'asks for the Groups Settings scope only when a group setting changes' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -DisplayName 'Sales team' -ErrorVariable err
        $err.Count | Should -Be 0
        @($Google.IssuedScopes | Where-Object { $_ -contains [MessagingProvider.TestSupport.GoogleStandIn]::GroupsSettingsScope }) | Should -HaveCount 0
        $Google.GroupsSettingsRequests | Should -BeNullOrEmpty
    }

    It 'says which scope to grant, and changes nothing, when the delegation lacks the Groups Settings scope' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        $Google.RefuseGroupsSettingsScope()
        Set-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -DisplayName 'Sales team' -MemberJoinRestriction Closed -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'GroupsSettingsScopeNotGranted,MessagingProvider.Commands.SetMailEnabledGroupCommand' PermissionDenied
        $err[0].Exception.Message | Should -BeLikeExactly '*refused the scope https://www.googleapis.com/auth/apps.groups.settings*Manage domain-wide delegation*'
        $Google.Groups['sales@contoso.com']['name'].GetValue[string]() | Should -BeExactly 'Sales'
        $Google.GroupsSettingsRequests | Should -BeNullOrEmpty
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Get-MailEnabledGroup' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-ExchangeLab -Server ExchA, ExchB; $null = Start-StandInServer ExchA; $null = Start-StandInServer ExchB }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'reads one group by identity with every address as Exchange keeps it and the server that answered' {
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com', 'smtp:vertrieb@contoso.com', 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=sales'
        $run = Split-VerboseOutput (Get-MailEnabledGroup -IdentityStore Contoso -Identity Sales -Verbose -ErrorVariable err 4>&1)
        $err.Count | Should -Be 0
        $run.Output | Should -HaveCount 1
        $group = $run.Output[0]
        $group.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.MailEnabledObjectInfo'
        $group.Identity | Should -BeExactly 'Sales'
        $group.Kind | Should -BeExactly 'Group'
        $group.PrimarySmtpAddress | Should -BeExactly 'sales@contoso.com'
        $group.EmailAddresses | Should -BeExactly @('SMTP:sales@contoso.com', 'smtp:vertrieb@contoso.com', 'X500:/o=Contoso/ou=Exchange/cn=Recipients/cn=sales')
        $group.RecipientTypeDetails | Should -BeExactly 'MailUniversalDistributionGroup'
        $group.HiddenFromAddressListsEnabled | Should -BeFalse
        $group.Server | Should -BeExactly 'ExchA'
        "$($group.Provider)" | Should -BeExactly 'Exchange'
        Select-MessageStartingWith $run.Verbose "Exchange server 'ExchA': Get-Recipient -Identity -RecipientTypeDetails succeeded (" | Should -Not -BeNullOrEmpty
    }

    It 'finds a group by any of its addresses, and by name with wildcards' {
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com', 'smtp:vertrieb@contoso.com'
        Add-StandInRecipient -Identity 'Sales EMEA' -Type MailUniversalSecurityGroup -EmailAddresses 'SMTP:sales.emea@contoso.com'
        Add-StandInRecipient -Identity Finance -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:finance@contoso.com'
        Add-StandInRecipient -Identity 'Sales Person' -Type UserMailbox -EmailAddresses 'SMTP:sales.person@contoso.com'

        (Get-MailEnabledGroup -IdentityStore Contoso -EmailAddress vertrieb@contoso.com).Identity | Should -BeExactly 'Sales'
        (Get-MailEnabledGroup -IdentityStore Contoso -Name 'Sales*' | Sort-Object Name).Name | Should -BeExactly @('Sales', 'Sales EMEA')
        (Get-MailEnabledGroup -IdentityStore Contoso).Name | Should -BeExactly @('Finance', 'Sales', 'Sales EMEA')
        (Get-MailEnabledGroup -IdentityStore Contoso -ResultSize 2) | Should -HaveCount 2
        (Get-MailEnabledGroup -IdentityStore Contoso -Name 'Nothing*' -ErrorVariable err) | Should -BeNullOrEmpty
        $err.Count | Should -Be 0
        # A mailbox is no group.
        Get-MailEnabledGroup -IdentityStore Contoso -Identity 'Sales Person' -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.GetMailEnabledGroupCommand' ObjectNotFound
    }

    It 'reports each identity that is not there as its own error and goes on' {
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com'
        $rows = 'Nope', 'Sales' | ForEach-Object { [pscustomobject]@{ IdentityStore = 'Contoso'; Identity = $_ } }
        $found = $rows | Get-MailEnabledGroup -ErrorVariable err -ErrorAction SilentlyContinue
        $found.Identity | Should -BeExactly 'Sales'
        Assert-SingleError $err 'RecipientNotFound,MessagingProvider.Commands.GetMailEnabledGroupCommand' ObjectNotFound
        $err[0].Exception.Message | Should -BeLikeExactly "*Exchange server 'ExchA'*Nope*"
    }

    It 'refuses a result size that is neither a number nor Unlimited' {
        Get-MailEnabledGroup -IdentityStore Contoso -ResultSize lots -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'InvalidResultSize,MessagingProvider.Commands.GetMailEnabledGroupCommand' InvalidArgument
    }

    It 'refuses the providers None and Other with their errors' {
        $null = New-IdentityStore -Name Plain
        Get-MailEnabledGroup -IdentityStore Plain -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'NoMessagingProvider,MessagingProvider.Commands.GetMailEnabledGroupCommand' InvalidOperation
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        Get-MailEnabledGroup -IdentityStore Groups -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderNotSupported,MessagingProvider.Commands.GetMailEnabledGroupCommand' NotImplemented
    }
}

Describe 'Get-MailEnabledGroup with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'reads Exchange Online groups by identity and by name' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Sales', 'MailUniversalDistributionGroup', 'SMTP:sales@contoso.com', 'smtp:sales@contoso.onmicrosoft.com')
        $ExchangeOnline.AddRecipient('Finance', 'MailUniversalDistributionGroup', 'SMTP:finance@contoso.com')
        $group = Get-MailEnabledGroup -IdentityStore Cloud -Identity Sales -ErrorVariable err
        $err.Count | Should -Be 0
        $group.EmailAddresses | Should -BeExactly @('SMTP:sales@contoso.com', 'smtp:sales@contoso.onmicrosoft.com')
        "$($group.Provider)" | Should -BeExactly 'Office365'
        $group.Server | Should -BeExactly $ExchangeOnline.Endpoint.Host
        (Get-MailEnabledGroup -IdentityStore Cloud -Name 'F*').Name | Should -BeExactly 'Finance'
        Get-ExchangeOnlineFilter | Should -BeExactly @("Name -like 'F*'")
    }

    It 'reads Google groups with their aliases and owners, page by page up to -ResultSize' {
        New-GoogleTestStore
        $Google.SeedGroup('sales@contoso.com', 'Sales', 'alice@contoso.com')
        foreach ($i in 1..250) { $Google.SeedGroup(('team{0:000}@contoso.com' -f $i), ('Team {0:000}' -f $i)) }
        $sales = Get-MailEnabledGroup -IdentityStore G -Identity sales@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $sales.ManagedBy | Should -BeExactly 'alice@contoso.com'
        $sales.EmailAddresses | Should -BeExactly 'SMTP:sales@contoso.com'
        $sales.RecipientTypeDetails | Should -BeExactly 'GoogleGroup'

        $teams = Get-MailEnabledGroup -IdentityStore G -Name 'Team*' -ResultSize Unlimited -ErrorVariable err
        $err.Count | Should -Be 0
        $teams | Should -HaveCount 250
        $lists = @($Google.ListRequests)
        $lists | Should -HaveCount 2
        $lists[0] | Should -BeLikeExactly "*query=name*Team*"
        $lists[1] | Should -BeLikeExactly '*pageToken=200*'

        Get-MailEnabledGroup -IdentityStore G -Name 'Team*' -ResultSize 30 | Should -HaveCount 30
    }
}

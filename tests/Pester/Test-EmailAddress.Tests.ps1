BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'MailEnabledObject.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Test-EmailAddress' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'checks each address against the accepted domains, read once, and the addresses recipients hold' {
        New-ExchangeLab -Server ExchA
        $null = Start-StandInServer ExchA
        $Lab.Directory.SetAcceptedDomains('contoso.com', '*.fabrikam.com')
        Add-StandInRecipient -Identity Sales -Type MailUniversalDistributionGroup -EmailAddresses 'SMTP:sales@contoso.com', 'smtp:vertrieb@contoso.com'
        $checks = 'free@contoso.com', 'vertrieb@contoso.com', 'x@eu.fabrikam.com', 'y@tailspin.com' | Test-EmailAddress -IdentityStore Contoso -ErrorVariable err
        $err.Count | Should -Be 0
        $checks | Should -HaveCount 4
        $checks[0].PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.EmailAddressCheck'
        $checks.IsAvailable | Should -Be @($true, $false, $true, $false)
        $checks.DomainAccepted | Should -Be @($true, $true, $true, $false)
        $checks.InUse | Should -Be @($false, $true, $false, $false)
        $checks[1].HeldBy | Should -BeExactly 'Sales'
        $checks[1].Reasons | Should -BeExactly "vertrieb@contoso.com is already used by 'Sales'."
        $checks[3].Reasons[0] | Should -BeLikeExactly '*tailspin.com is not an accepted domain*'
        # One accepted-domains read for the whole pipeline; one recipient filter per address.
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-AcceptedDomain') | Should -HaveCount 1
        @($Lab.Directory.Reads() | Where-Object Command -EQ 'Get-Recipient').Detail | Should -BeExactly @(
            "EmailAddresses -eq 'smtp:free@contoso.com'", "EmailAddresses -eq 'smtp:vertrieb@contoso.com'",
            "EmailAddresses -eq 'smtp:x@eu.fabrikam.com'", "EmailAddresses -eq 'smtp:y@tailspin.com'")
    }

    It 'refuses malformed addresses and the provider None' {
        New-ExchangeLab -Server ExchA
        Test-EmailAddress -IdentityStore Contoso -EmailAddress 'not an address' -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'InvalidEmailAddress,MessagingProvider.Commands.TestEmailAddressCommand' InvalidArgument
        $null = New-IdentityStore -Name Plain
        Test-EmailAddress -IdentityStore Plain -EmailAddress a@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'NoMessagingProvider,MessagingProvider.Commands.TestEmailAddressCommand' InvalidOperation
    }

    It 'accepts only the configured domain of the provider Other and cannot tell who holds an address' {
        $connections = Watch-ExchangeConnection
        $null = New-IdentityStore -Name Groups
        Set-MessagingProvider -IdentityStore Groups -Provider Other -Domain googlegroups.com -Force
        $checks = Test-EmailAddress -IdentityStore Groups -EmailAddress sales@googlegroups.com, sales@contoso.com -ErrorVariable err
        $err.Count | Should -Be 0
        $checks.DomainAccepted | Should -Be @($true, $false)
        $checks[0].InUse | Should -BeNullOrEmpty
        $checks[0].IsAvailable | Should -BeTrue
        $connections.Count | Should -Be 0
    }
}

Describe 'Test-EmailAddress with the cloud providers' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; Start-CloudStandIn }
    AfterEach { Stop-CloudStandIn; Remove-TestConfiguration }

    It 'asks Exchange Online for its accepted domains once and for each address''s holder' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.AddRecipient('Sales', 'MailUniversalDistributionGroup', 'SMTP:sales@contoso.com', 'smtp:vertrieb@contoso.com')
        $checks = Test-EmailAddress -IdentityStore Cloud -EmailAddress vertrieb@contoso.com, new@contoso.onmicrosoft.com, x@fabrikam.com -ErrorVariable err
        $err.Count | Should -Be 0
        $checks.IsAvailable | Should -Be @($false, $true, $false)
        $checks[0].HeldBy | Should -BeExactly 'Sales'
        @(foreach ($r in $ExchangeOnline.Requests) { $r['CmdletName'].ToString() }) | Should -BeExactly @('Get-AcceptedDomain', 'Get-Recipient', 'Get-Recipient', 'Get-Recipient')
        Get-ExchangeOnlineFilter | Should -BeExactly @("EmailAddresses -eq 'smtp:vertrieb@contoso.com'", "EmailAddresses -eq 'smtp:new@contoso.onmicrosoft.com'", "EmailAddresses -eq 'smtp:x@fabrikam.com'")
    }

    It 'accepts Google domains and domain aliases and finds users, groups and aliases holding an address' {
        New-GoogleTestStore
        $Google.Domains['contoso.com'] = [string[]] @('contoso.net')
        $Google.SeedGroup('sales@contoso.com', 'Sales')
        $checks = 'alice@contoso.com', 'sales@contoso.com', 'new@contoso.net', 'x@fabrikam.com' | Test-EmailAddress -IdentityStore G -ErrorVariable err
        $err.Count | Should -Be 0
        $checks.DomainAccepted | Should -Be @($true, $true, $true, $false)
        $checks.HeldBy | Should -Be @('alice@contoso.com', 'sales@contoso.com', $null, $null)
        $checks.IsAvailable | Should -Be @($false, $false, $true, $false)
        $Google.DomainListRequests | Should -Be 1
    }
}

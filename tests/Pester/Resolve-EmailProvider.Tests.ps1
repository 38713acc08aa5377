BeforeAll {
    . "$PSScriptRoot/Mail.common.ps1"
    # A private dnsmasq with the providers' MX records and a few broken domains: only these answers, nothing forwarded.
    $script:Dns = [MessagingProvider.TestSupport.ProviderDns]::Start()
    $script:DnsServer = $Dns.Address
}

AfterAll { if ($script:Dns) { $script:Dns.Dispose() } }

Describe 'Resolve-EmailProvider' -Tag LinuxOnly {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'decides <Provider> from the MX host <MatchedHost>' -ForEach @(
        @{ Address = 'anna@o365.test'; Provider = 'Office365'; MatchedHost = 'o365-test.mail.protection.outlook.com'; Rule = 'MX *.mail.protection.outlook.com' }
        @{ Address = 'anna@m365dnssec.test'; Provider = 'Office365'; MatchedHost = 'm365dnssec-test.o-v1.mx.microsoft'; Rule = 'MX *.mx.microsoft' }
        @{ Address = 'anna@outlookcom.test'; Provider = 'OutlookCom'; MatchedHost = 'hotmail-com.olc.protection.outlook.com'; Rule = 'MX *.olc.protection.outlook.com' }
        @{ Address = 'anna@workspace.test'; Provider = 'GoogleWorkspace'; MatchedHost = 'aspmx.l.google.com'; Rule = 'MX aspmx.l.google.com' }
        @{ Address = 'anna@workspace-new.test'; Provider = 'GoogleWorkspace'; MatchedHost = 'smtp.google.com'; Rule = 'MX smtp.google.com' }
        @{ Address = 'anna@workspace-old.test'; Provider = 'GoogleWorkspace'; MatchedHost = 'aspmx2.googlemail.com'; Rule = 'MX *.googlemail.com' }
        @{ Address = 'anna@gmail.test'; Provider = 'Gmail'; MatchedHost = 'gmail-smtp-in.l.google.com'; Rule = 'MX gmail-smtp-in.l.google.com' }
        @{ Address = 'anna@yahoo.test'; Provider = 'Yahoo'; MatchedHost = 'mta5.am0.yahoodns.net'; Rule = 'MX *.yahoodns.net' }
        @{ Address = 'anna@icloud.test'; Provider = 'ICloud'; MatchedHost = 'mx01.mail.icloud.com'; Rule = 'MX *.mail.icloud.com' }
        @{ Address = 'anna@zoho.test'; Provider = 'Zoho'; MatchedHost = 'mx.zoho.eu'; Rule = 'MX *.zoho.eu' }
        @{ Address = 'anna@fastmail.test'; Provider = 'Fastmail'; MatchedHost = 'in1-smtp.messagingengine.com'; Rule = 'MX *.messagingengine.com' }
        @{ Address = 'anna@proton.test'; Provider = 'Proton'; MatchedHost = 'mail.protonmail.ch'; Rule = 'MX *.protonmail.ch' }
        @{ Address = 'anna@hybrid.test'; Provider = 'Office365'; MatchedHost = 'hybrid-test.mail.protection.outlook.com'; Rule = 'MX *.mail.protection.outlook.com' }
    ) {
        $result = Resolve-EmailProvider -EmailAddress $Address -DnsServer $DnsServer | Select-Single
        $result.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EmailProviderResolution'
        "$($result.Provider)" | Should -Be $Provider
        "$($result.DecidedBy)" | Should -Be 'MxRecord'
        $result.MatchedHost | Should -Be $MatchedHost
        $result.Rule | Should -Be $Rule
        "$($result.DnsStatus)" | Should -Be 'Ok'
    }

    It 'lists MX hosts in preference order and calls unknown hosts Unknown' {
        $result = 'carl@fabrikam.test' | Resolve-EmailProvider -DnsServer $DnsServer | Select-Single
        "$($result.Provider)" | Should -Be 'Unknown'
        "$($result.DecidedBy)" | Should -Be 'NoKnownMxHost'
        , $result.MxHosts | Should -BeOfType ([string[]])
        $result.MxHosts | Should -Be @('mx1.fabrikam.test', 'mx2.fabrikam.test')
        $result.MatchedHost | Should -Be $null
        (Resolve-EmailProvider -EmailAddress anna@hybrid.test -DnsServer $DnsServer | Select-Single).MxHosts | Should -Be @('gateway.hybrid.test', 'hybrid-test.mail.protection.outlook.com')
    }

    It 'asks the provider-domains table first, for piped accounts too' {
        New-MailServerTestStore
        Add-EmailProviderDomain -IdentityStore Contoso -Domain o365.test -MailServer 'Fabrikam EWS'
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@o365.test -Login anna -Password (ConvertTo-TestSecureString 'P@ss-1')
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@workspace.test -MailServer 'Contoso IMAP' -Password (ConvertTo-TestSecureString 'P@ss-2')

        $results = @(Get-MailAccount -IdentityStore Contoso | Resolve-EmailProvider -DnsServer $DnsServer)
        $results.Count | Should -Be 2
        $table = $results | Where-Object EmailAddress -EQ 'anna@o365.test' | Select-Single
        "$($table.Provider)" | Should -Be 'MailServer'
        "$($table.DecidedBy)" | Should -Be 'ProviderDomainTable'
        $table.MailServer | Should -Be 'Fabrikam EWS'
        "$($table.ServiceType)" | Should -Be 'Exchange'
        "$($table.DnsStatus)" | Should -Be 'NotQueried'
        "$(($results | Where-Object EmailAddress -EQ 'ben@workspace.test' | Select-Single).Provider)" | Should -Be 'GoogleWorkspace'

        "$((Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $DnsServer | Select-Single).Provider)" | Should -Be 'Office365'
    }

    It 'reports NXDOMAIN in the result and as a non-terminating error' {
        $results = @(Resolve-EmailProvider -EmailAddress anna@typo.nx.test, carl@fabrikam.test -DnsServer $DnsServer -ErrorAction SilentlyContinue -ErrorVariable e)
        $results.Count | Should -Be 2
        "$($results[0].DnsStatus)" | Should -Be 'NxDomain'
        "$($results[0].DecidedBy)" | Should -Be 'DnsError'
        "$($results[0].Provider)" | Should -Be 'Unknown'
        Assert-SingleError $e 'EmailDomainNotFound,MessagingProvider.Commands.ResolveEmailProviderCommand' 'ObjectNotFound'
        $e[0].TargetObject | Should -Be 'anna@typo.nx.test'
        "$($results[1].DecidedBy)" | Should -Be 'NoKnownMxHost'
    }

    It 'calls a domain without MX records Unknown without an error' {
        $result = Resolve-EmailProvider -EmailAddress anna@nomx.test -DnsServer $DnsServer -ErrorVariable e | Select-Single
        "$($result.DnsStatus)" | Should -Be 'NoMxRecords'
        "$($result.Provider)" | Should -Be 'Unknown'
        $e.Count | Should -Be 0
    }

    It 'reports a DNS server that never answers as a timeout, not an exception' {
        $silent = [MessagingProvider.TestSupport.SilentUdpServer]::new()
        try {
            # A terminating error would throw here despite -ErrorAction SilentlyContinue.
            $result = Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $silent.Address -TimeoutSeconds 1 -ErrorAction SilentlyContinue -ErrorVariable e |
                Select-Single
            "$($result.DnsStatus)" | Should -Be 'Timeout'
            "$($result.DecidedBy)" | Should -Be 'DnsError'
            Assert-SingleError $e 'DnsQueryTimeout,MessagingProvider.Commands.ResolveEmailProviderCommand' 'OperationTimeout'
            $e[0].Exception.Message | Should -BeLike '*-TimeoutSeconds*'
        }
        finally { $silent.Dispose() }
    }

    It 'stops a query that hangs when the command is stopped' {
        $silent = [MessagingProvider.TestSupport.SilentUdpServer]::new()
        try {
            Assert-StopsWhileWaiting 'Resolve-EmailProvider -EmailAddress anna@o365.test -DnsServer $args[0] -TimeoutSeconds 60' $silent.Address $silent.Queried 'Resolve-EmailProvider never queried'
        }
        finally { $silent.Dispose() }
    }

    It 'reports a domain the server refuses as a DNS failure' {
        $result = Resolve-EmailProvider -EmailAddress anna@elsewhere.example -DnsServer $DnsServer -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        "$($result.DnsStatus)" | Should -Be 'Failed'
        Assert-SingleError $e 'DnsQueryFailed,MessagingProvider.Commands.ResolveEmailProviderCommand' 'ConnectionError'
    }

    It 'reports <ErrorId> for <Case>' -ForEach @(
        @{ Case = 'a bad address'; Arguments = @{ EmailAddress = 'not an address'; DnsServer = '127.0.0.1:1' }; ErrorId = 'InvalidEmailAddress'; Category = 'InvalidArgument' }
        @{ Case = 'a DNS server given by name'; Arguments = @{ EmailAddress = 'a@b.test'; DnsServer = 'dns.contoso.com' }; ErrorId = 'InvalidDnsServer'; Category = 'InvalidArgument' }
        @{ Case = 'a port out of range'; Arguments = @{ EmailAddress = 'a@b.test'; DnsServer = '127.0.0.1:70000' }; ErrorId = 'InvalidDnsServer'; Category = 'InvalidArgument' }
        @{ Case = 'an unknown store'; Arguments = @{ EmailAddress = 'a@b.test'; IdentityStore = 'Nowhere'; DnsServer = '127.0.0.1:1' }; ErrorId = 'IdentityStoreNotFound'; Category = 'ObjectNotFound' }
    ) {
        $errors = $null
        $output = $null
        try { $output = Resolve-EmailProvider @Arguments -ErrorAction SilentlyContinue -ErrorVariable errors } catch { $errors = @($_) }
        Assert-SingleError $errors "$ErrorId,MessagingProvider.Commands.ResolveEmailProviderCommand" $Category
        $output | Should -BeNullOrEmpty
    }
}

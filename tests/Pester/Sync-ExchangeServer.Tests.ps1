BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

# Stand-in Exchange servers (ExchangeLab.common.ps1): Get-ExchangeServer on them returns the list
# set with Set-StandInExchangeServers. The server names are loopback names (localhost, 127.0.0.1),
# so the status probe after the sync never leaves the machine; its ports refuse connections.
Describe 'Sync-ExchangeServer' -Tag StandIns {
    BeforeEach {
        Initialize-TestConfiguration
        New-ExchangeLab -Server localhost, old-exch.contoso.com
        $null = Start-StandInServer localhost
        Set-StandInExchangeServers @(
            , @('localhost', 'Version 15.2 (Build 1544.4)', 'Mailbox')
            , @('127.0.0.1', 'Version 15.2 (Build 2562.17)', 'Mailbox')
            , @('edge.contoso.com', 'Version 15.2 (Build 1544.4)', 'Edge'))
        Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort (Get-RefusingPort) -ProbePort (Get-RefusingPort) -ProbeTimeoutSeconds 2 -ErrorAction Stop
    }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'keeps priorities, appends new servers, removes missing ones, then probes' {
        $all = Sync-ExchangeServer -IdentityStore Contoso -Confirm:$false -Verbose -ErrorVariable err 4>&1
        $err.Count | Should -Be 0
        $servers = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $messages = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)

        $servers | ForEach-Object { $_.Priority | Should -BeOfType [int] }
        ($servers | ForEach-Object { '{0}:{1}:{2}' -f $_.Name, $_.Priority, $_.Version }) -join ',' | Should -BeExactly 'localhost:1:2019,127.0.0.1:2:SE'
        $servers | ForEach-Object { "$($_.Status)" | Should -Be 'Offline'; $_.StatusChecked | Should -Not -BeNullOrEmpty }
        $messages -ccontains "Removed Exchange server 'old-exch.contoso.com'." | Should -BeTrue -Because "the verbose stream was: $($messages -join ' | ')"
        @($messages | Where-Object { $_.StartsWith("Skipping 'edge.contoso.com' (Edge)", [System.StringComparison]::Ordinal) }) | Should -Not -BeNullOrEmpty
        @($messages | Where-Object { $_.StartsWith("Exchange server 'localhost': Get-ExchangeServer succeeded (", [System.StringComparison]::Ordinal) }) | Should -Not -BeNullOrEmpty
        (Get-ExchangeServer -IdentityStore Contoso -ErrorAction Stop).Name | Should -BeExactly @('localhost', '127.0.0.1')
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Sync-ExchangeServer -IdentityStore Contoso -WhatIf -ErrorVariable err
        $err.Count | Should -Be 0
        Assert-ConfigurationUnchanged $before
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

# Loopback server names (localhost, 127.0.0.1) keep the status probe after the sync on the machine.
Describe 'Sync-ExchangeServer' {
    BeforeEach {
        Initialize-TestConfiguration
        New-ExchangeLab -Server localhost, old-exch.contoso.com
        $null = Start-StandInServer localhost
        Set-StandInExchangeServers @(
            , @('localhost', 'Version 15.2 (Build 1544.4)', 'Mailbox')
            , @('127.0.0.1', 'Version 15.2 (Build 2562.17)', 'Mailbox')
            , @('edge.contoso.com', 'Version 15.2 (Build 1544.4)', 'Edge'))
        Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort (Get-ClosedPort) -ProbePort (Get-ClosedPort) -ProbeTimeoutSeconds 2
    }
    AfterEach { Remove-ExchangeLab; Remove-TestConfiguration }

    It 'keeps priorities, appends new servers, removes missing ones, then probes' {
        $all = Sync-ExchangeServer -IdentityStore Contoso -Confirm:$false -Verbose 4>&1
        $servers = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        ($servers | ForEach-Object { '{0}:{1}:{2}' -f $_.Name, $_.Priority, $_.Version }) -join ',' | Should -Be 'localhost:1:2019,127.0.0.1:2:SE'
        $servers | ForEach-Object { "$($_.Status)" | Should -Be 'Offline'; $_.StatusChecked | Should -Not -BeNullOrEmpty }
        $messages = ($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] }).Message
        $messages | Should -Contain "Removed Exchange server 'old-exch.contoso.com'."
        ($messages | Where-Object { $_ -like "Skipping 'edge.contoso.com' (Edge)*" }) | Should -Not -BeNullOrEmpty
        (Get-ExchangeServer -IdentityStore Contoso).Name | Should -Be @('localhost', '127.0.0.1')
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Sync-ExchangeServer -IdentityStore Contoso -WhatIf
        Assert-ConfigurationUnchanged $before
    }
}

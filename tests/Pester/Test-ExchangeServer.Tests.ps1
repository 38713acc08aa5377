BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Test-ExchangeServer' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) -Server 127.0.0.1 -Force
    }
    AfterEach { Remove-TestConfiguration }

    It 'finds an endpoint asking for Negotiate Online and stores it' {
        $endpoint = Start-ProbeListener
        try {
            $closed = Get-ClosedPort
            Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $endpoint.Port -ProbePort $endpoint.Port, $closed
            $result = Test-ExchangeServer -IdentityStore Contoso
            $result.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ExchangeServerInfo'
            "$($result.Status)" | Should -Be 'Online'
            $result.StatusReason | Should -BeLike "*http://127.0.0.1:$($endpoint.Port)/PowerShell/ asks for Negotiate/Kerberos (401)*"
            $result.StatusReason | Should -BeLike "*port $closed refused the connection*"
            $result.LatencyMilliseconds | Should -Not -BeNullOrEmpty
            $stored = Get-ExchangeServer -IdentityStore Contoso
            "$($stored.Status)" | Should -Be 'Online'
            $stored.StatusReason | Should -Be $result.StatusReason
            $stored.StatusChecked | Should -Not -BeNullOrEmpty
        }
        finally { Stop-ProbeListener $endpoint }
    }

    It 'finds a closed port Offline, refused' {
        $closed = Get-ClosedPort
        Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $closed -ProbePort $closed
        $result = Get-ExchangeServer -IdentityStore Contoso | Test-ExchangeServer
        "$($result.Status)" | Should -Be 'Offline'
        $result.StatusReason | Should -BeLike "*http://127.0.0.1:$closed/PowerShell/ refused the connection*"
        $result.LatencyMilliseconds | Should -BeNullOrEmpty
    }

    It 'finds a listener that never answers Offline, timeout' {
        $silent = Start-ProbeListener -Silent
        try {
            Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $silent.Port -ProbePort $silent.Port -ProbeTimeoutSeconds 1
            $result = Test-ExchangeServer -IdentityStore Contoso -Server 127.0.0.1
            "$($result.Status)" | Should -Be 'Offline'
            $result.StatusReason | Should -BeLike "*http://127.0.0.1:$($silent.Port)/PowerShell/ did not answer within 1 s (timeout)*"
            $result.StatusReason | Should -BeLike "*ports $($silent.Port) open*"
        }
        finally { Stop-ProbeListener $silent }
    }

    It 'refuses a server that is not in the list' {
        Test-ExchangeServer -IdentityStore Contoso -Server exch99.contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'ExchangeServerNotFound,MessagingProvider.Commands.TestExchangeServerCommand'
    }
}

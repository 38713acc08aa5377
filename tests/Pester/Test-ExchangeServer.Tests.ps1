BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeServer.common.ps1'))
    Import-Module $ModuleManifest -Force
}

# The one server is 127.0.0.1; its ports are local listeners (MessagingProvider.TestSupport.ProbeListener)
# or refusing ports, set with Set-ExchangeConnectionOption.
Describe 'Test-ExchangeServer' -Tag StandIns {
    BeforeEach { Initialize-TestConfiguration; New-LoopbackServerTestStore }
    AfterEach { Remove-TestConfiguration }

    It 'finds an endpoint asking for Negotiate Online and stores it' {
        $endpoint = [MessagingProvider.TestSupport.ProbeListener]::Negotiate()
        try {
            $closed = Get-RefusingPort
            Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $endpoint.Port -ProbePort $endpoint.Port, $closed -ErrorAction Stop
            $result = @(Test-ExchangeServer -IdentityStore Contoso -Verbose -ErrorVariable err 4>$null)
            $err.Count | Should -Be 0
            $result | Should -HaveCount 1
            $result[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ExchangeServerInfo'
            "$($result[0].Status)" | Should -Be 'Online'
            $result[0].StatusReason | Should -BeLikeExactly "*http://127.0.0.1:$($endpoint.Port)/PowerShell/ asks for Negotiate/Kerberos (401)*"
            $result[0].StatusReason | Should -BeLikeExactly "*port $closed refused the connection*"
            $result[0].LatencyMilliseconds | Should -Not -BeNullOrEmpty

            $stored = @(Get-ExchangeServer -IdentityStore Contoso -ErrorAction Stop)
            $stored | Should -HaveCount 1
            "$($stored[0].Status)" | Should -Be 'Online'
            $stored[0].StatusReason | Should -BeExactly $result[0].StatusReason
            $stored[0].StatusChecked | Should -Not -BeNullOrEmpty
        }
        finally { $endpoint.Dispose() }
    }

    It 'finds a closed port Offline, refused' {
        $closed = Get-RefusingPort
        Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $closed -ProbePort $closed -ErrorAction Stop
        $result = @(Get-ExchangeServer -IdentityStore Contoso | Test-ExchangeServer -ErrorVariable err)
        $err.Count | Should -Be 0
        $result | Should -HaveCount 1
        "$($result[0].Status)" | Should -Be 'Offline'
        $result[0].StatusReason | Should -BeLikeExactly "*http://127.0.0.1:$closed/PowerShell/ refused the connection*"
        $result[0].LatencyMilliseconds | Should -BeNullOrEmpty
    }

    It 'finds a listener that never answers Offline, timeout' {
        $silent = [MessagingProvider.TestSupport.ProbeListener]::Silent()
        try {
            Set-ExchangeConnectionOption -IdentityStore Contoso -HttpPort $silent.Port -ProbePort $silent.Port -ProbeTimeoutSeconds 1 -ErrorAction Stop
            $result = @(Test-ExchangeServer -IdentityStore Contoso -Server 127.0.0.1 -ErrorVariable err)
            $err.Count | Should -Be 0
            $result | Should -HaveCount 1
            "$($result[0].Status)" | Should -Be 'Offline'
            $result[0].StatusReason | Should -BeLikeExactly "*http://127.0.0.1:$($silent.Port)/PowerShell/ did not answer within 1 s (timeout)*"
            $result[0].StatusReason | Should -BeLikeExactly "*ports $($silent.Port) open*"
        }
        finally { $silent.Dispose() }
    }

    It 'refuses a server that is not in the list' {
        Test-ExchangeServer -IdentityStore Contoso -Server exch99.contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ExchangeServerNotFound,MessagingProvider.Commands.TestExchangeServerCommand' 'ObjectNotFound'
    }
}

BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Test-SmtpServer' {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'passes every stage, sends a real test message and redacts the secret in the verbose dialogue' {
        New-ContosoWithSmtp $server
        $result = Test-SmtpServer -IdentityStore Contoso -To 'frank@test.local; grace@test.local' -Verbose 4>&1
        $verbose = $result | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $test = $result | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $test.Succeeded | Should -BeTrue
        $test.Stages.Stage | Should -Be @('Dns', 'Tcp', 'Tls', 'Ehlo', 'Auth', 'Send')
        $verbose | Where-Object { $_.StartsWith('SMTP C: AUTH PLAIN ********') } | Should -Not -BeNullOrEmpty
        ($verbose -join "`n") | Should -Not -Match ([regex]::Escape($server.SenderPassword))
        $server.Mail.WaitFor('frank@test.local', 'MessagingProvider test message for Contoso', 1, $null).MessageId | Should -Contain $test.MessageId
    }

    It 'tests implicit TLS ad hoc and stores nothing' {
        $test = Test-SmtpServer -Server $server.Host -Port $server.ImplicitTlsPort -Security SslOnConnect -Authentication Basic `
            -Credential (New-TestCredential $sender $server.SenderPassword) -CertificateThumbprint $server.Certificate.Thumbprint
        $test.Succeeded | Should -BeTrue
        $test.TlsProtocol | Should -BeLike 'Tls*'
        Test-Path $env:MESSAGINGPROVIDER_CONFIG_PATH | Should -BeFalse
    }

    It 'reports a refused port at the TCP stage with an error record' {
        $port = [MessagingProvider.TestSupport.FreePort]::Next()
        $test = Test-SmtpServer -Server 127.0.0.1 -Port $port -Security StartTls -Authentication Anonymous -ErrorVariable err -ErrorAction SilentlyContinue
        $test.FailedStage | Should -Be 'Tcp'
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpConnectionRefused,MessagingProvider.Commands.TestSmtpServerCommand'
    }

    It 'fails on the untrusted certificate and passes with -SkipCertificateCheck and a warning' {
        $cred = New-TestCredential $sender $server.SenderPassword
        $untrusted = Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication Basic -Credential $cred -ErrorVariable err -ErrorAction SilentlyContinue
        $untrusted.FailedStage | Should -Be 'Tls'
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpCertificateInvalid,MessagingProvider.Commands.TestSmtpServerCommand'
        $skipped = Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication Basic -Credential $cred -SkipCertificateCheck -WarningVariable warn
        $skipped.Succeeded | Should -BeTrue
        $skipped.CertificateCheckSkipped | Should -BeTrue
        $warn | Should -Not -BeNullOrEmpty
    }

    It 'fails at AUTH with 535 on a wrong password' {
        New-ContosoWithSmtp $server 'definitely-wrong'
        $test = Test-SmtpServer -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $test.FailedStage | Should -Be 'Auth'
        $test.Reason | Should -Match '535'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
    }

    It 'says why CurrentUser authentication cannot work against a server without GSSAPI or NTLM' {
        $test = Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication CurrentUser -CertificateThumbprint $server.Certificate.Thumbprint -ErrorVariable err -ErrorAction SilentlyContinue
        $test.FailedStage | Should -Be 'Auth'
        $test.Reason | Should -Match 'GSSAPI'
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpIntegratedAuthUnavailable,MessagingProvider.Commands.TestSmtpServerCommand'
    }

    It 'reports relay denied at the send stage' {
        $test = Test-SmtpServer -Server 127.0.0.1 -Port $server.PlainPort -Security None -Authentication Anonymous -From someone@example.org -To outsider@example.org -ErrorAction SilentlyContinue
        $test.FailedStage | Should -Be 'Send'
        $test.Reason | Should -Match 'Relay access denied'
    }
}

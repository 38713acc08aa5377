BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Test-SmtpServer' -Tag LinuxOnly {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'passes every stage, sends a real test message and redacts the secret in the verbose dialogue' {
        New-ContosoWithSmtp $server

        $records = Test-SmtpServer -IdentityStore Contoso -To 'frank@test.local; grace@test.local' -Verbose -ErrorVariable err 4>&1
        $result = (Split-VerboseOutput $records).Output
        $verbose = (Split-VerboseOutput $records).Verbose

        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        $result[0].Succeeded | Should -BeTrue -Because $result[0].Reason
        $result[0].IdentityStore | Should -Be 'Contoso'
        @($result[0].Stages | ForEach-Object Stage) | Should -Be @('Dns', 'Tcp', 'Tls', 'Ehlo', 'Auth', 'Send')
        @($result[0].Stages | ForEach-Object { "$($_.Outcome)" }) | Should -Be @('Passed', 'Passed', 'Passed', 'Passed', 'Passed', 'Passed')
        $verbose | Where-Object { $_.StartsWith('SMTP C: AUTH PLAIN ********', [System.StringComparison]::Ordinal) } | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_.StartsWith('SMTP S: 250', [System.StringComparison]::Ordinal) } | Should -Not -BeNullOrEmpty
        $plain = [Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes("`0$sender`0$($server.SenderPassword)"))
        $verbose | Where-Object { $_.Contains($server.SenderPassword) -or $_.Contains($plain) } | Should -BeNullOrEmpty

        foreach ($mailbox in 'frank@test.local', 'grace@test.local') {
            $delivered = @(Wait-Mail $server $mailbox 'MessagingProvider test message for Contoso' | Where-Object MessageId -EQ $result[0].MessageId)
            $delivered.Count | Should -Be 1 -Because "$mailbox gets the test message once"
            Get-MailAddress $delivered[0].To | Should -BeExactly @('frank@test.local', 'grace@test.local')
        }
    }

    It 'tests implicit TLS ad hoc and stores nothing' {
        $result = @(Test-SmtpServer -Server $server.Host -Port $server.ImplicitTlsPort -Security SslOnConnect -Authentication Basic `
                -Credential (New-TestCredential $sender $server.SenderPassword) -CertificateThumbprint $server.Certificate.Thumbprint -ErrorVariable err)
        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        $result[0].Succeeded | Should -BeTrue -Because $result[0].Reason
        $result[0].IdentityStore | Should -Be $null
        $result[0].TlsProtocol | Should -BeLikeExactly 'Tls*'
        (Get-ConfigurationSnapshot).Count | Should -Be 0
    }

    It 'reports a refused port at the TCP stage with an error record' {
        $port = [MessagingProvider.TestSupport.FreePort]::Next()
        $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $port -Security StartTls -Authentication Anonymous -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Tcp'
        $result[0].Reason | Should -BeLike '*refused*'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpConnectionRefused,MessagingProvider.Commands.TestSmtpServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
    }

    It 'fails on the untrusted certificate and passes with -SkipCertificateCheck and a warning' {
        $cred = New-TestCredential $sender $server.SenderPassword

        $untrusted = @(Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication Basic -Credential $cred `
                -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable untrustedWarnings -WarningAction SilentlyContinue)
        $untrusted.Count | Should -Be 1
        $untrusted[0].FailedStage | Should -Be 'Tls'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpCertificateInvalid,MessagingProvider.Commands.TestSmtpServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'SecurityError'
        $untrustedWarnings.Count | Should -Be 0

        $skipped = @(Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication Basic -Credential $cred -SkipCertificateCheck `
                -ErrorVariable skippedErr -WarningVariable warnings -WarningAction SilentlyContinue)
        $skippedErr.Count | Should -Be 0
        $skipped.Count | Should -Be 1
        $skipped[0].Succeeded | Should -BeTrue -Because $skipped[0].Reason
        $skipped[0].CertificateCheckSkipped | Should -BeTrue
        $warnings | Where-Object { "$_".Contains('-SkipCertificateCheck') } | Should -Not -BeNullOrEmpty
    }

    Context 'behind someone who strips STARTTLS' {
        # The fault proxy relays to Postfix's plain listener (which offers AUTH) and removes STARTTLS from EHLO.
        BeforeEach { $proxy = [MessagingProvider.TestSupport.SmtpFaultProxy]::new($server.PlainPort) }
        AfterEach { $proxy.Dispose() }

        It 'sends no sign-in with the default -Security Auto' {
            $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $proxy.Port -Authentication Basic -Credential (New-TestCredential $sender $server.SenderPassword) `
                    -ErrorVariable err -ErrorAction SilentlyContinue)
            $result[0].Security | Should -Be 'Auto'
            $result[0].FailedStage | Should -Be 'Tls'
            $err.Count | Should -Be 1
            $err[0].FullyQualifiedErrorId | Should -Be 'SmtpStartTlsNotOffered,MessagingProvider.Commands.TestSmtpServerCommand'
            $err[0].CategoryInfo.Category | Should -Be 'SecurityError'
            $err[0].Exception.Message | Should -BeLike '*-Security Auto requires TLS before the Basic sign-in*'
            $proxy.AuthCommands | Should -Be 0
        }

        It 'signs in without TLS only with an explicit -Security None, and warns' {
            $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $proxy.Port -Security None -Authentication Basic -Credential (New-TestCredential $sender $server.SenderPassword) `
                    -WarningVariable warnings -WarningAction SilentlyContinue)
            $result[0].Succeeded | Should -BeTrue -Because $result[0].Reason
            $proxy.AuthCommands | Should -Be 1
            $warnings | Should -HaveCount 1
            "$($warnings[0])" | Should -BeLike '-Security None: the Basic sign-in to 127.0.0.1:*crosses the network unencrypted*'
        }
    }

    It 'reports the SHA-256 thumbprint of the certificate, and accepts it as a pin' {
        $cred = New-TestCredential $sender $server.SenderPassword
        $result = @(Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication Basic -Credential $cred -CertificateThumbprint $server.Certificate.Sha256Thumbprint)
        $result[0].Succeeded | Should -BeTrue -Because $result[0].Reason
        $result[0].CertificateThumbprint | Should -BeExactly $server.Certificate.Sha256Thumbprint
    }

    It 'fails at AUTH with 535 on a wrong password and never shows it' {
        New-ContosoWithSmtp $server 'definitely-wrong'

        $records = Test-SmtpServer -IdentityStore Contoso -Verbose -ErrorVariable err -ErrorAction SilentlyContinue 4>&1
        $result = (Split-VerboseOutput $records).Output
        $verbose = (Split-VerboseOutput $records).Verbose

        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Auth'
        $result[0].Reason | Should -BeLike '*535*'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.TestSmtpServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $verbose.Count | Should -BeGreaterThan 0
        $verbose | Where-Object { $_.Contains('definitely-wrong') } | Should -BeNullOrEmpty
    }

    It 'reports relay denied at the send stage' {
        $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $server.PlainPort -Security None -Authentication Anonymous -From someone@example.org -To outsider@example.org `
                -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Send'
        $result[0].Reason | Should -BeLikeExactly '*Relay access denied*'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpRecipientRejected,MessagingProvider.Commands.TestSmtpServerCommand'
    }

    It 'says why CurrentUser authentication cannot work against a server without GSSAPI or NTLM' {
        $result = @(Test-SmtpServer -Server $server.Host -Port $server.StartTlsPort -Security StartTls -Authentication CurrentUser -CertificateThumbprint $server.Certificate.Thumbprint `
                -ErrorVariable err -ErrorAction SilentlyContinue)
        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Auth'
        $result[0].Reason | Should -BeLikeExactly '*GSSAPI*'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpIntegratedAuthUnavailable,MessagingProvider.Commands.TestSmtpServerCommand'
    }

    It 'stops waiting for a server that never answers when the pipeline is stopped' {
        $silent = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
        $silent.Start()
        $ps = [powershell]::Create()
        $accepted = $null
        try {
            $null = $ps.AddScript("Import-Module '$script:ModuleManifest' -ErrorAction Stop; Test-SmtpServer -Server 127.0.0.1 -Port $($silent.LocalEndpoint.Port) -Security None -Authentication Anonymous -TimeoutSeconds 300")
            $running = $ps.BeginInvoke()
            $accept = $silent.AcceptTcpClientAsync()
            if (-not $accept.Wait([timespan]::FromSeconds(45))) { throw 'Test-SmtpServer did not connect to the silent server within 45 s' }
            $accepted = $accept.Result

            $stopping = $ps.BeginStop($null, $null)
            if (-not $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Stopping Test-SmtpServer did not finish within 30 s' }
            $ps.EndStop($stopping)

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $running.IsCompleted | Should -BeTrue
        }
        finally {
            if ($accepted) { $accepted.Dispose() }
            $silent.Stop()
            $ps.Dispose()
        }
    }
}

# Exchange Online's refusals since it retires Basic authentication for SMTP AUTH, played by the
# fault-injecting SMTP server; each becomes its own error id naming the change and the fix.
# (LinuxOnly because this file's BeforeAll starts Postfix.)
Describe 'Test-SmtpServer against the replies of a tenant without Basic authentication' -Tag LinuxOnly, StandIns {
    BeforeEach {
        Initialize-SmtpTest
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        $cred = New-TestCredential 'notify@contoso.test' 'a-password'
    }
    AfterEach { $fault.Dispose(); Clear-SmtpTest }

    It 'maps the AUTH reply <Reply> to <Id>' -TestCases @(
        @{ Reply = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'; Id = 'SmtpBasicAuthDisabled'; Says = '*off by default for existing tenants from the end of December 2026*Set-SmtpServer -Authentication OAuth2*Set-EntraSmtpClient*SmtpClientAuthenticationDisabled*' }
        @{ Reply = '550 5.7.30 Basic authentication is not supported for Client Submission.'; Id = 'SmtpBasicAuthNotSupported'; Says = '*no longer accepts Basic authentication for client submission*Set-SmtpServer -Authentication OAuth2*' }
        @{ Reply = '535 5.7.3 Authentication unsuccessful'; Id = 'SmtpSignInRefusedByTenant'; Says = '*Exchange Online refused the sign-in*multi-factor*Set-SmtpServer -Authentication OAuth2*'.Replace('multi-factor', 'MFA') }
    ) {
        param($Reply, $Id, $Says)
        $fault.AuthReply = $Reply

        $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $fault.Port -Security None -Authentication Basic -Credential $cred `
                -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue)

        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Auth'
        $result[0].ErrorId | Should -Be $Id
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$Id,MessagingProvider.Commands.TestSmtpServerCommand"
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -BeLike "*$Reply*"
        $err[0].Exception.Message | Should -BeLike $Says
        $err[0].Exception.Message.Contains('a-password') | Should -BeFalse
    }

    It 'maps 530 5.7.57 on MAIL FROM to SmtpClientNotAuthenticated' {
        $fault.MailFromReply = '530 5.7.57 Client not authenticated to send mail. [AM0PR01CA0001.eurprd01.prod.exchangelabs.com]'

        $result = @(Test-SmtpServer -Server 127.0.0.1 -Port $fault.Port -Security None -Authentication Anonymous -From notify@contoso.test -To ivan@contoso.test `
                -ErrorVariable err -ErrorAction SilentlyContinue)

        $result.Count | Should -Be 1
        $result[0].FailedStage | Should -Be 'Send'
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpClientNotAuthenticated,MessagingProvider.Commands.TestSmtpServerCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -BeLike '*530 5.7.57 Client not authenticated*only authenticated submission*Set-SmtpServer -Authentication OAuth2*'
    }

    It 'keeps SmtpAuthenticationFailed for a plain wrong password (535 5.7.8)' {
        $fault.Password = 'the-right-one'

        $null = Test-SmtpServer -Server 127.0.0.1 -Port $fault.Port -Security None -Authentication Basic -Credential $cred `
            -ErrorVariable err -ErrorAction SilentlyContinue -WarningAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.TestSmtpServerCommand'
    }
}

BeforeAll {
    . "$PSScriptRoot/Mail.common.ps1"
    # A private Postfix + Dovecot stack with its seeded logins 'anna' and 'ben@contoso.test' (two
    # unread messages each, and a Sent folder).
    $script:Server = [MessagingProvider.TestSupport.MailServerFixture]::new()
    # The SHA-256 thumbprint the module reports and recommends; SHA-1 still works as a pin (see the STARTTLS case).
    $script:Thumbprint = $Server.Certificate.Sha256Thumbprint

    # Contoso with the server 'Test IMAP' (receive only, contoso.test) and the account anna@contoso.test (login 'anna').
    function New-ReceivingAccount([string] $Tls = 'Tls', $Port, [string] $Password = 'Anna-P@ss-1', [string] $Format = 'MailboxName') {
        if (-not $Port) { $Port = if ($Tls -eq 'Tls') { $Server.ImapsPort } else { $Server.ImapPort } }
        $null = New-IdentityStore -Name Contoso
        $null = New-MailServer -IdentityStore Contoso -Name 'Test IMAP' -ServiceType ImapSmtp -ServiceAddress 127.0.0.1 -Receive -LoginFormat $Format -ImapTls $Tls -ImapPort $Port
        Add-EmailProviderDomain -IdentityStore Contoso -Domain contoso.test -MailServer 'Test IMAP'
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -Password (ConvertTo-TestSecureString $Password)
    }

    # Contoso with the server 'Test Mail' (IMAPS and SMTP) and the account ben@contoso.test (login = address).
    function New-SendingAccount([string] $SmtpTls = 'StartTls', $SmtpPort, [string] $Password = 'Ben-P@ss-1') {
        if (-not $SmtpPort) { $SmtpPort = if ($SmtpTls -eq 'Tls') { $Server.ImplicitTlsPort } else { $Server.StartTlsPort } }
        $null = New-IdentityStore -Name Contoso
        $null = New-MailServer -IdentityStore Contoso -Name 'Test Mail' -ServiceType ImapSmtp -ServiceAddress 127.0.0.1 -Receive -Send -LoginFormat EmailAddress -ImapPort $Server.ImapsPort -SmtpTls $SmtpTls -SmtpPort $SmtpPort
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -MailServer 'Test Mail' -Password (ConvertTo-TestSecureString $Password)
    }
}

AfterAll { if ($script:Server) { $script:Server.Dispose() } }

Describe 'Test-MailAccount' -Tag LinuxOnly {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'logs in over IMAPS, lists folders and counts unread messages' {
        New-ReceivingAccount
        $records = @(Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $Thumbprint -Verbose 4>&1)
        $verbose = @($records | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $result = $records | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] } | Select-Single
        $result.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MailAccountTestResult'
        $result.Succeeded | Should -BeTrue
        Get-StageLine $result | Should -Be 'Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed'
        $result.Folders | Should -Be @('INBOX', 'Sent')
        $result.UnreadCount | Should -Be 2
        $result.Login | Should -Be 'anna'
        $tls = Get-StageDetail $result 'Tls'
        $tls | Should -BeLike "*$Thumbprint*"
        $tls | Should -BeLike '*Tls*'
        @($verbose | Where-Object { $_.StartsWith('Imap Login: Passed', [System.StringComparison]::Ordinal) }).Count | Should -BeGreaterThan 0 -Because "the verbose output should report the login: $($verbose -join ' | ')"
        $verbose | Where-Object { $_.Contains('Anna-P@ss-1') } | Should -BeNullOrEmpty
    }

    It 'uses STARTTLS on the plain port and email-address logins, with a SHA-1 pin as older scripts give it' {
        New-ReceivingAccount -Tls StartTls -Format EmailAddress
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Password (ConvertTo-TestSecureString 'Ben-P@ss-1')
        $result = Get-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test | Test-MailAccount -TrustedCertificateThumbprint $Server.Certificate.Thumbprint | Select-Single
        $result.Succeeded | Should -BeTrue
        $result.Login | Should -Be 'ben@contoso.test'
        Get-StageDetail $result 'Tls' | Should -BeLike '*StartTls*'
        $result.UnreadCount | Should -Be 2
    }

    It 'skips the TLS stage with TLS mode None, still logs in, and warns that the login is not encrypted' {
        New-ReceivingAccount -Tls None
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -WarningVariable warnings -WarningAction SilentlyContinue | Select-Single
        $warnings | Should -HaveCount 1
        "$($warnings[0])" | Should -BeLike "The IMAP login of 'anna' to *crosses the network unencrypted*-ImapTls None*"
        $result.Succeeded | Should -BeTrue
        Get-StageLine $result | Should -Be 'Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Skipped,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed'
        Get-StageDetail $result 'Tls' | Should -BeLike '*not encrypted*'
    }

    It 'fails the TLS stage for an unpinned self-signed certificate and says how to trust it' {
        New-ReceivingAccount
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        $result.Succeeded | Should -Be $false
        $result.FailedStage | Should -Be 'Imap/Tls'
        Get-StageLine $result | Should -Be 'Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Failed,Imap/Login:Skipped,Imap/Folders:Skipped,Imap/Unread:Skipped'
        Assert-SingleError $e 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand' 'SecurityError'
        $e[0].Exception.Message | Should -BeLike "*-TrustedCertificateThumbprint $Thumbprint*"

        $otherPin = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint ('AB' * 20) -ErrorAction SilentlyContinue | Select-Single
        $otherPin.FailedStage | Should -Be 'Imap/Tls'
    }

    It 'fails the IMAP login stage for a wrong password' {
        New-ReceivingAccount -Password 'wrong-password'
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $Thumbprint -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        $result.FailedStage | Should -Be 'Imap/Login'
        Get-StageLine $result | Should -Be 'Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Failed,Imap/Folders:Skipped,Imap/Unread:Skipped'
        $result.UnreadCount | Should -Be $null
        Assert-SingleError $e 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand' 'AuthenticationError'
        $e[0].Exception.Message | Should -BeLike "*'anna'*"
    }

    It 'fails the TCP stage on a port where nothing listens' {
        New-ReceivingAccount -Port ([MessagingProvider.TestSupport.FreePort]::Next())
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TimeoutSeconds 5 -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        $result.FailedStage | Should -Be 'Imap/Tcp'
        Assert-SingleError $e 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand' 'ConnectionError'
    }

    It 'fails the TLS stage when the TLS mode does not fit the port' {
        New-ReceivingAccount -Tls Tls -Port $Server.ImapPort
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TrustedCertificateThumbprint $Thumbprint -TimeoutSeconds 5 -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        $result.FailedStage | Should -Be 'Imap/Tls'
        @($e).Count | Should -Be 1
        $e[0].FullyQualifiedErrorId | Should -Be 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand'
    }

    It 'refuses <ErrorId> for <Case> before connecting' -ForEach @(
        @{ Case = 'an unknown account'; Arguments = @{ EmailAddress = 'zed@contoso.test' }; ErrorId = 'MailAccountNotFound'; Category = 'ObjectNotFound' }
        @{ Case = '-Send on a receive-only server'; Arguments = @{ EmailAddress = 'anna@contoso.test'; Send = $true }; ErrorId = 'ParameterNotValidForMailServer'; Category = 'InvalidArgument' }
        @{ Case = 'a bad -To address'; Arguments = @{ EmailAddress = 'anna@contoso.test'; To = 'not an address' }; ErrorId = 'InvalidEmailAddress'; Category = 'InvalidArgument' }
        @{ Case = 'an Exchange server'; Arguments = @{ EmailAddress = 'carl@fabrikam.test' }; ErrorId = 'MailAccountTestNotSupported'; Category = 'NotImplemented' }
    ) {
        New-ReceivingAccount
        $null = New-MailServer -IdentityStore Contoso -Name EWS -ServiceType Exchange -ServiceAddress ews.fabrikam.test -Receive -LoginFormat EmailAddress
        $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.test -MailServer EWS -Password (ConvertTo-TestSecureString 'x')
        $output = Test-MailAccount -IdentityStore Contoso @Arguments -ErrorAction SilentlyContinue -ErrorVariable e
        $output | Should -BeNullOrEmpty
        Assert-SingleError $e "$ErrorId,MessagingProvider.Commands.TestMailAccountCommand" $Category
    }

    It 'tests everything the server does without switches and authenticates over SMTP' {
        New-SendingAccount
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -TrustedCertificateThumbprint $Thumbprint | Select-Single
        $result.Succeeded | Should -BeTrue
        Get-StageLine $result | Should -Be ('Imap/Dns:Passed,Imap/Tcp:Passed,Imap/Tls:Passed,Imap/Login:Passed,Imap/Folders:Passed,Imap/Unread:Passed,' +
            'Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Passed,Smtp/Send:Skipped')
        Get-StageDetail $result 'Smtp/Tls' | Should -BeLike '*StartTls*'
        $result.MessageSent | Should -Be $null
    }

    It 'sends a test message over SMTPS that arrives in the recipient''s mailbox' {
        New-SendingAccount -SmtpTls Tls
        # A recipient of its own, so the seeded unread counts the IMAP tests expect stay as they are.
        $recipient = 'postmaster@contoso.test'
        $before = $Server.NewMessageCount($recipient)
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -To $recipient -TrustedCertificateThumbprint $Thumbprint | Select-Single
        Get-StageLine $result | Should -Be 'Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Passed,Smtp/Send:Passed'
        $result.MessageSent | Should -BeTrue
        Get-StageDetail $result 'Send' | Should -BeLike "*accepted for $recipient*"

        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while ($Server.NewMessageCount($recipient) -eq $before -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
        $Server.NewMessageCount($recipient) | Should -Be ($before + 1) -Because "the test message should be delivered within 30 s:`n$($Server.LogTail())"
    }

    It 'fails the SMTP login for a wrong password' {
        New-SendingAccount -Password 'wrong-password'
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Send -TrustedCertificateThumbprint $Thumbprint -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        Get-StageLine $result | Should -Be 'Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Passed,Smtp/Login:Failed,Smtp/Send:Skipped'
        Assert-SingleError $e 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand' 'AuthenticationError'
        $e[0].Exception.Message | Should -BeLike '*Smtp Login*'
    }

    It 'fails the SMTP login when the server offers no authentication without TLS' {
        New-SendingAccount -SmtpTls None
        $result = Test-MailAccount -IdentityStore Contoso -EmailAddress ben@contoso.test -Send -To anna@contoso.test -ErrorAction SilentlyContinue -ErrorVariable e | Select-Single
        Get-StageLine $result | Should -Be 'Smtp/Dns:Passed,Smtp/Tcp:Passed,Smtp/Tls:Skipped,Smtp/Login:Failed,Smtp/Send:Skipped'
        $result.MessageSent | Should -Be $false
        Assert-SingleError $e 'MailAccountTestFailed,MessagingProvider.Commands.TestMailAccountCommand' 'AuthenticationError'
    }

    It 'stops a connection that hangs when the command is stopped' {
        $silent = [MessagingProvider.TestSupport.SilentTcpServer]::new()
        try {
            New-ReceivingAccount -Port $silent.Port
            Assert-StopsWhileWaiting 'Test-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.test -TimeoutSeconds 300' @() $silent.Connected 'Test-MailAccount never connected'
        }
        finally { $silent.Dispose() }
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
    $TestRequired = 'EntraSmtpClientTestRequired,MessagingProvider.Commands.EnableEntraSmtpClientCommand'
}
AfterAll { $server.Dispose() }

Describe 'Enable-EntraSmtpClient' -Tag LinuxOnly {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'is refused until a test with the current settings and mailbox passed' {
        New-EntraSmtpTestStore $server
        $notSignedIn = Assert-Refused { Enable-EntraSmtpClient -IdentityStore Contoso } $TestRequired InvalidOperation
        $notSignedIn.Exception.Message | Should -BeLike '*Connect-EntraSmtpMailbox*'
        (Invoke-TestMailboxLogon -Mailbox $EntraMailbox).Errors | Should -HaveCount 0
        $untested = Assert-Refused { Enable-EntraSmtpClient -IdentityStore Contoso } $TestRequired InvalidOperation
        $untested.Exception.Message | Should -BeLike '*has not been tested*'

        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local).Succeeded | Should -BeTrue
        $enabled = @(Enable-EntraSmtpClient -IdentityStore Contoso -PassThru -ErrorVariable err)
        $err | Should -HaveCount 0
        $enabled | Should -HaveCount 1
        $enabled[0].Enabled | Should -BeTrue

        # Any change of the settings disables it, says so, and needs a new test.
        $other = if ($server.StartTlsPort -eq 587) { 588 } else { 587 }
        Set-EntraSmtpClient -IdentityStore Contoso -Port $other -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Where-Object Message -like '*now disabled because Port changed*' | Should -Not -BeNullOrEmpty
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
        $changed = Assert-Refused { Enable-EntraSmtpClient -IdentityStore Contoso } $TestRequired InvalidOperation
        $changed.Exception.Message | Should -BeLike '*changed after the last test*'

        # Back to the tested settings: the same test counts again.
        Set-EntraSmtpClient -IdentityStore Contoso -Port $server.StartTlsPort -ErrorVariable err
        $err | Should -HaveCount 0
        (Get-EntraSmtpClient -IdentityStore Contoso).ReadyToEnable | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err
        $err | Should -HaveCount 0
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue

        # A new mailbox sign-in disables it too.
        $again = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $again.Warnings | Where-Object { $_ -like '*now disabled because of the new mailbox sign-in*' } | Should -Not -BeNullOrEmpty
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
        $null = Assert-Refused { Enable-EntraSmtpClient -IdentityStore Contoso } $TestRequired InvalidOperation
    }

    It 'is refused after a failed test' {
        New-EntraSmtpTestStore $server
        $Entra.DelegatedTokenSigningKey = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -ErrorAction SilentlyContinue).Succeeded | Should -BeFalse
        $refused = Assert-Refused { Enable-EntraSmtpClient -IdentityStore Contoso } $TestRequired InvalidOperation
        $refused.Exception.Message | Should -BeLike '*failed*'
    }

    It 'is turned off by a failed test and can be enabled again after a passing one' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso
        # The smart host refuses the recipient.
        $result = Send-EntraSmtpTestMessage -IdentityStore Contoso -To rejected@test.local -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings -WarningAction SilentlyContinue
        $result.FailedStage | Should -Be 'Send'
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpRecipientRejected,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
        $warnings | Where-Object Message -like '*now disabled because the test failed*' | Should -Not -BeNullOrEmpty
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse

        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err
        $err | Should -HaveCount 0
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue
    }

    It 'changes nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        foreach ($step in 'signed in, not tested', 'tested') {
            if ($step -eq 'tested') { (Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local).Succeeded | Should -BeTrue }
            $before = Get-ConfigurationSnapshot
            Enable-EntraSmtpClient -IdentityStore Contoso -WhatIf -ErrorVariable err
            $err | Should -HaveCount 0 -Because $step
            Assert-ConfigurationUnchanged $before
        }
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
    }
}

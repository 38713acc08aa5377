BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Enable-EntraSmtpClient' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'is refused until a test with the current settings and mailbox passed' {
        New-EntraSmtpTestStore $server
        $id = 'EntraSmtpClientTestRequired,MessagingProvider.Commands.EnableEntraSmtpClientCommand'
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be $id
        $err[0].Exception.Message | Should -BeLike '*Connect-EntraSmtpMailbox*'
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeLike '*has not been tested*'

        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local).Succeeded | Should -BeTrue
        (Enable-EntraSmtpClient -IdentityStore Contoso -PassThru).Enabled | Should -BeTrue

        $other = if ($server.StartTlsPort -eq 587) { 588 } else { 587 }
        Set-EntraSmtpClient -IdentityStore Contoso -Port $other -WarningVariable warnings
        ($warnings -join "`n") | Should -Match 'now disabled because Port changed'
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].Exception.Message | Should -BeLike '*changed after the last test*'

        Set-EntraSmtpClient -IdentityStore Contoso -Port $server.StartTlsPort
        (Get-EntraSmtpClient -IdentityStore Contoso).ReadyToEnable | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso

        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
        Enable-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be $id
    }

    It 'is turned off by a failed test' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local
        Enable-EntraSmtpClient -IdentityStore Contoso
        $result = Send-EntraSmtpTestMessage -IdentityStore Contoso -To rejected@test.local -ErrorVariable err -ErrorAction SilentlyContinue -WarningVariable warnings
        $result.FailedStage | Should -Be 'Send'
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpRecipientRejected,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
        ($warnings -join "`n") | Should -Match 'now disabled because the test failed'
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
    }

    It 'changes nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local
        $before = Get-ConfigurationSnapshot
        Enable-EntraSmtpClient -IdentityStore Contoso -WhatIf
        Assert-ConfigurationUnchanged $before
    }
}

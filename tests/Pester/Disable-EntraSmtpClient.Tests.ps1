BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Disable-EntraSmtpClient' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'turns the client off and keeps the sign-in and the test' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local
        Enable-EntraSmtpClient -IdentityStore Contoso
        $disabled = Disable-EntraSmtpClient -IdentityStore Contoso -PassThru
        $disabled.Enabled | Should -BeFalse
        $disabled.MailboxUser | Should -Be $EntraMailbox
        $disabled.ReadyToEnable | Should -BeTrue
    }

    It 'changes nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local
        Enable-EntraSmtpClient -IdentityStore Contoso
        $before = Get-ConfigurationSnapshot
        Disable-EntraSmtpClient -IdentityStore Contoso -WhatIf
        Assert-ConfigurationUnchanged $before
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue
    }
}

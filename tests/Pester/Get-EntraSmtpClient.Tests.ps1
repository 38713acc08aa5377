BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Get-EntraSmtpClient' -Tag LinuxOnly {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'shows the signed-in mailbox and the last test' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local).Succeeded | Should -BeTrue
        $info = @(Get-IdentityStore | Get-EntraSmtpClient -ErrorVariable err)
        $err | Should -HaveCount 0
        $info | Should -HaveCount 1
        $info[0].MailboxUser | Should -Be $EntraMailbox
        $info[0].LastTestSucceeded | Should -BeTrue
        $info[0].LastTestMailbox | Should -Be $EntraMailbox
        , $info[0].LastTestTo | Should -Be @('grace@test.local')
        $info[0].ReadyToEnable | Should -BeTrue
        $info[0].TokenCachePath | Should -BeLike "$env:MESSAGINGPROVIDER_CONFIG_PATH*"
    }

    It 'says which command to run when the store has no client' {
        $null = New-IdentityStore -Name Fabrikam
        Get-EntraSmtpClient -IdentityStore Fabrikam -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EntraSmtpClientNotConfigured,MessagingProvider.Commands.GetEntraSmtpClientCommand'
        $err[0].Exception.Message | Should -BeLike '*Set-EntraSmtpClient*'
    }
}

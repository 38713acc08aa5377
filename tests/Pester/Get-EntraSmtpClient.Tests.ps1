BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Get-EntraSmtpClient' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'shows the signed-in mailbox and the last test' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $null = Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local
        $info = Get-IdentityStore | Get-EntraSmtpClient
        $info.MailboxUser | Should -Be $EntraMailbox
        $info.LastTestSucceeded | Should -BeTrue
        $info.LastTestMailbox | Should -Be $EntraMailbox
        $info.LastTestTo | Should -Be @('grace@test.local')
        $info.ReadyToEnable | Should -BeTrue
        $info.TokenCachePath | Should -BeLike "$env:MESSAGINGPROVIDER_CONFIG_PATH*"
    }

    It 'says which command to run when the store has no client' {
        $null = New-IdentityStore -Name Fabrikam
        Get-EntraSmtpClient -IdentityStore Fabrikam -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'EntraSmtpClientNotConfigured,MessagingProvider.Commands.GetEntraSmtpClientCommand'
        $err[0].Exception.Message | Should -BeLike '*Set-EntraSmtpClient*'
    }
}

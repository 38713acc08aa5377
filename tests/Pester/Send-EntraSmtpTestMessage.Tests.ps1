BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Send-EntraSmtpTestMessage' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'delivers a real message from the signed-in mailbox with XOAUTH2' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $all = Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -Verbose 4>&1
        $verbose = $all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message
        $result = $all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] }
        $result.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpClientTestResult'
        $result.Succeeded | Should -BeTrue
        $result.Mailbox | Should -Be $EntraMailbox
        $result.AuthMechanism | Should -Be 'XOAUTH2'
        $result.ServerReply | Should -BeLike '2.0.0 Ok*'
        $result.Stages.Stage | Should -Be @('Dns', 'Tcp', 'Tls', 'Ehlo', 'Auth', 'Send')
        $verbose | Where-Object { $_.StartsWith('SMTP C: AUTH XOAUTH2 ********') } | Should -Not -BeNullOrEmpty
        $message = $server.Mail.WaitFor('grace@test.local', 'MessagingProvider test message for Contoso', 1, $null) | Where-Object MessageId -eq $result.MessageId
        $message.From.Mailboxes[0].Address | Should -Be $EntraMailbox
        $message.Headers['X-MessagingProvider-Test'] | Should -Be 'Send-EntraSmtpTestMessage'
    }

    It 'fails clearly when the smart host rejects the token and stays disabled' {
        New-EntraSmtpTestStore $server
        $Entra.DelegatedTokenSigningKey = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $result = Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Succeeded | Should -BeFalse
        $result.FailedStage | Should -Be 'Auth'
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
        $Entra.RefreshGrants | Should -Be 1
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeFalse
        (Get-EntraSmtpClient -IdentityStore Contoso).LastTestSucceeded | Should -BeFalse
    }

    It 'works from a new session with the cached sign-in and renews an expired token' {
        $Entra.DelegatedTokenLifetimeSeconds = 120
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $Entra.RefreshGrants | Should -Be 0
        $job = [powershell]::Create()
        $null = $job.AddScript('Import-Module $args[0] -ErrorAction Stop; Send-EntraSmtpTestMessage -IdentityStore Contoso -To $args[1]').AddArgument($ModuleManifest).AddArgument('ivan@test.local')
        $result = $job.Invoke() | Select-Object -First 1
        $job.Dispose()
        $result.Succeeded | Should -BeTrue
        $Entra.RefreshGrants | Should -Be 1
    }

    It 'sends nothing and records nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $before = Get-ConfigurationSnapshot
        $count = $server.NewMessageCount('judy@test.local')
        Send-EntraSmtpTestMessage -IdentityStore Contoso -To judy@test.local -WhatIf
        Assert-ConfigurationUnchanged $before
        $server.NewMessageCount('judy@test.local') | Should -Be $count
    }
}

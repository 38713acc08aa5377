BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Send-EntraSmtpTestMessage' -Tag LinuxOnly {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'delivers a real message from the signed-in mailbox with XOAUTH2' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $all = Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -Verbose -ErrorVariable err 4>&1
        $err | Should -HaveCount 0
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $result = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $result | Should -HaveCount 1
        $result = $result[0]
        $result.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpClientTestResult'
        $result.Succeeded | Should -BeTrue -Because $result.Reason
        $result.Mailbox | Should -Be $EntraMailbox
        $result.AuthMechanism | Should -Be 'XOAUTH2'
        $result.ServerReply | Should -BeLike '2.0.0 Ok*'
        $result.ReadyToEnable | Should -BeTrue
        $result.Stages.Stage | Should -Be @('Dns', 'Tcp', 'Tls', 'Ehlo', 'Auth', 'Send')
        $verbose | Where-Object { $_.StartsWith('SMTP C: AUTH XOAUTH2 ********') } | Should -Not -BeNullOrEmpty
        $tokens = @($Entra.DelegatedUsers.Keys)
        $tokens | Should -HaveCount 1
        foreach ($message in $verbose) { $message | Should -Not -Match ([regex]::Escape($tokens[0])) }
        $message = Wait-TestMessage $server grace@test.local $result.MessageId
        $message | Should -HaveCount 1
        $message[0].From.Mailboxes | Should -HaveCount 1
        $message[0].From.Mailboxes[0].Address | Should -Be $EntraMailbox
        $message[0].Headers['X-MessagingProvider-Test'] | Should -Be 'Send-EntraSmtpTestMessage'
    }

    It 'fails clearly when the smart host rejects the token and stays disabled' {
        New-EntraSmtpTestStore $server
        $Entra.DelegatedTokenSigningKey = [System.Security.Cryptography.RandomNumberGenerator]::GetBytes(32)
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $result = @(Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -ErrorVariable err -ErrorAction SilentlyContinue)
        $result | Should -HaveCount 1
        $result[0].Succeeded | Should -BeFalse
        $result[0].FailedStage | Should -Be 'Auth'
        $result[0].ReadyToEnable | Should -BeFalse
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
        $err[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $err[0].Exception.Message | Should -BeLike "*$EntraMailbox*"
        # The refused token was replaced once with a renewed one before giving up.
        $Entra.RefreshGrants | Should -Be 1
        $stored = Get-EntraSmtpClient -IdentityStore Contoso
        $stored.Enabled | Should -BeFalse
        $stored.LastTestSucceeded | Should -BeFalse
    }

    It 'works from a new session with the cached sign-in and renews an expired token' {
        $Entra.DelegatedTokenLifetimeSeconds = 120
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $Entra.RefreshGrants | Should -Be 0
        # A scheduled job: another runspace that imports the module and has only the stored files.
        $job = Start-ModuleRunspace 'Send-EntraSmtpTestMessage -IdentityStore Contoso -To $args[0] -Verbose' -ArgumentList 'ivan@test.local'
        $run = Complete-ModuleRunspace $job -Step 'Send-EntraSmtpTestMessage in a new session'
        $run.Errors | Should -HaveCount 0
        $run.Output | Should -HaveCount 1
        $run.Output[0].Succeeded | Should -BeTrue -Because $run.Output[0].Reason
        # The access token expires within MSAL's five-minute margin: renewed with the refresh token,
        # once, plus once more only if the server refused a token (the connector's one retry, which
        # says so in -Verbose). The verbose texts explain any other count.
        $retries = @($run.Verbose | Where-Object { $_ -like 'The server refused the OAuth token*' }).Count
        $run.Verbose | Should -Contain "Using the delegated token of $EntraMailbox from its mailbox sign-in."
        $Entra.RefreshGrants | Should -Be (1 + $retries) -Because ($run.Verbose -join ' | ')
        Wait-TestMessage $server ivan@test.local $run.Output[0].MessageId | Should -HaveCount 1
    }

    It 'sends nothing and records nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $before = Get-ConfigurationSnapshot
        $count = $server.NewMessageCount('judy@test.local')
        Send-EntraSmtpTestMessage -IdentityStore Contoso -To judy@test.local -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        Assert-ConfigurationUnchanged $before
        $server.NewMessageCount('judy@test.local') | Should -Be $count
    }
}

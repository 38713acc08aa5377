BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Connect-EntraSmtpMailbox' {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'shows the device code as a warning and keeps the sign-in encrypted' {
        New-EntraSmtpTestStore $server
        $logon = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $logon.Errors | Should -HaveCount 0
        $logon.Instructions | Should -Match 'https://microsoft.com/devicelogin'
        $logon.Instructions | Should -Match 'enter the code D[0-9]{8}'
        $signedIn = $logon.Output | Select-Object -First 1
        $signedIn.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpMailboxInfo'
        $signedIn.MailboxUser | Should -Be $EntraMailbox
        $signedIn.TokenExpiresOn | Should -BeGreaterThan ([datetimeoffset]::UtcNow)
        $token = @($Entra.DelegatedUsers.Keys)[0]
        ($signedIn.PSObject.Properties.Value -join ' ') | Should -Not -Match ([regex]::Escape($token))
        [System.IO.File]::ReadAllText($signedIn.TokenCachePath) | Should -Not -Match ([regex]::Escape($EntraMailbox))
        (Get-EntraSmtpClient -IdentityStore Contoso).MailboxUser | Should -Be $EntraMailbox
    }

    It 'reports a declined sign-in and stores nothing' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        $logon = Invoke-TestMailboxLogon -Mailbox $null
        $logon.Errors[0].FullyQualifiedErrorId | Should -Be 'MailboxLogonDeclined,MessagingProvider.Commands.ConnectEntraSmtpMailboxCommand'
        $logon.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        Assert-ConfigurationUnchanged $before
    }

    It 'stops on Ctrl+C and stores nothing' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        $logon = Invoke-TestMailboxLogon -Stop
        $logon.Instructions | Should -Not -BeNullOrEmpty
        $logon.State | Should -Be 'Stopped'
        Assert-ConfigurationUnchanged $before
    }

    It 'requests no code with -WhatIf' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        Connect-EntraSmtpMailbox -IdentityStore Contoso -WhatIf -WarningVariable warnings
        $warnings | Should -HaveCount 0
        $Entra.PendingPolls | Should -Be 0
        Assert-ConfigurationUnchanged $before
    }
}

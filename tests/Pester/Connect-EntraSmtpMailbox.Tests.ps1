BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Connect-EntraSmtpMailbox' -Tag LinuxOnly {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'shows the device code as a warning and keeps the sign-in encrypted' {
        New-EntraSmtpTestStore $server
        $logon = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $logon.Errors | Should -HaveCount 0
        $logon.Warnings | Should -HaveCount 1
        $logon.Instructions | Should -Match 'https://microsoft.com/devicelogin'
        $logon.Instructions | Should -Match 'enter the code D[0-9]{8}'
        $Entra.PendingPolls | Should -BeGreaterOrEqual 1
        $logon.Output | Should -HaveCount 1
        $signedIn = $logon.Output[0]
        $signedIn.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpMailboxInfo'
        $signedIn.MailboxUser | Should -Be $EntraMailbox
        $signedIn.TokenExpiresOn | Should -BeGreaterThan ([datetimeoffset]::UtcNow)

        # Neither the output nor Verbose carries the token; the cache file is encrypted.
        $tokens = @($Entra.DelegatedUsers.Keys)
        $tokens | Should -HaveCount 1
        $token = [regex]::Escape($tokens[0])
        foreach ($property in $signedIn.PSObject.Properties) { "$($property.Value)" | Should -Not -Match $token -Because "$($property.Name) must not carry the token" }
        $logon.Verbose | Should -Not -BeNullOrEmpty
        foreach ($message in $logon.Verbose) { $message | Should -Not -Match $token }
        $signedIn.TokenCachePath | Should -Exist
        $cache = [System.IO.File]::ReadAllText($signedIn.TokenCachePath)
        $cache | Should -Not -Match ([regex]::Escape($EntraMailbox))
        $cache | Should -Not -Match $token
        (Get-EntraSmtpClient -IdentityStore Contoso).MailboxUser | Should -Be $EntraMailbox
    }

    It 'reports a declined sign-in and stores nothing' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        $logon = Invoke-TestMailboxLogon -Mailbox $null
        $logon.Errors | Should -HaveCount 1
        $logon.Errors[0].FullyQualifiedErrorId | Should -Be 'MailboxLogonDeclined,MessagingProvider.Commands.ConnectEntraSmtpMailboxCommand'
        $logon.Errors[0].CategoryInfo.Category | Should -Be 'AuthenticationError'
        $logon.Output | Should -HaveCount 0
        Assert-ConfigurationUnchanged $before
    }

    It 'stops on Ctrl+C and stores nothing' {
        New-EntraSmtpTestStore $server
        $before = Get-ConfigurationSnapshot
        $logon = Invoke-TestMailboxLogon -Stop
        $logon.Instructions | Should -Match 'enter the code D[0-9]{8}'
        $logon.State | Should -Be 'Stopped'
        $logon.Completed | Should -BeTrue
        Assert-ConfigurationUnchanged $before
    }

    It 'keeps the sign-in only as long as the identity store' {
        New-EntraSmtpTestStore $server
        $cache = (Invoke-TestMailboxLogon -Mailbox $EntraMailbox).Output[0].TokenCachePath
        $cache | Should -Exist
        Remove-IdentityStore -Name Contoso -Confirm:$false -ErrorVariable err
        $err | Should -HaveCount 0
        $cache | Should -Not -Exist
    }

    It 'requests no code with -WhatIf' {
        New-EntraSmtpTestStore $server
        $polls = $Entra.PendingPolls
        $before = Get-ConfigurationSnapshot
        Connect-EntraSmtpMailbox -IdentityStore Contoso -WhatIf -WarningVariable warnings -ErrorVariable err
        $err | Should -HaveCount 0
        $warnings | Should -HaveCount 0
        $Entra.PendingPolls | Should -Be $polls
        Assert-ConfigurationUnchanged $before
    }
}

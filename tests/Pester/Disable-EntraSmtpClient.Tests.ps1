BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Disable-EntraSmtpClient' -Tag LinuxOnly {
    BeforeEach {
        Start-EntraSmtpTest $server
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
    }
    AfterEach { Stop-EntraSmtpTest }

    It 'turns the client off and keeps the sign-in and the test' {
        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso
        $disabled = @(Disable-EntraSmtpClient -IdentityStore Contoso -PassThru -ErrorVariable err)
        $err | Should -HaveCount 0
        $disabled | Should -HaveCount 1
        $disabled[0].Enabled | Should -BeFalse
        $disabled[0].MailboxUser | Should -Be $EntraMailbox
        $disabled[0].ReadyToEnable | Should -BeTrue
    }

    It 'stops the notifications that went through the client as the signed-in mailbox' {
        $before = Get-ConfigurationSnapshot
        $notEnabled = Assert-Refused { Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient } `
            'EntraSmtpClientNotEnabled,MessagingProvider.Commands.SetNotificationDeliveryCommand' InvalidOperation
        $notEnabled.Exception.Message | Should -BeLike '*Send-EntraSmtpTestMessage*'
        $null = Assert-Refused { Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -From judy@test.local } `
            'NotificationDeliveryFromNotUsed,MessagingProvider.Commands.SetNotificationDeliveryCommand' InvalidArgument
        Assert-ConfigurationUnchanged $before

        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To judy@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso
        $delivery = @(Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -PassThru -ErrorVariable err)
        $err | Should -HaveCount 0
        $delivery | Should -HaveCount 1
        "$($delivery[0].Method)" | Should -Be 'EntraSmtpClient'
        $delivery[0].Problem | Should -BeNullOrEmpty

        $group = 'Entra-' + [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        $all = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $group -To judy@test.local -Verbose -ErrorVariable err 4>&1
        $err | Should -HaveCount 0
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $result = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $result | Should -HaveCount 1
        "$($result[0].Status)" | Should -Be 'Sent'
        "$($result[0].Transport)" | Should -Be 'EntraSmtpClient'
        $route = "go through the Entra ID SMTP client's smart host $($server.Host):$($server.StartTlsPort) as $EntraMailbox"
        $verbose | Where-Object { $_.Contains($route) } | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_.StartsWith('SMTP C: AUTH XOAUTH2 ********') -or $_.Contains('XOAUTH2') } | Should -Not -BeNullOrEmpty
        foreach ($token in $Entra.DelegatedUsers.Keys) {
            foreach ($message in $verbose) { $message | Should -Not -Match ([regex]::Escape($token)) }
        }
        $delivered = @($server.Mail.WaitFor('judy@test.local', $group, 1, $null))
        $delivered | Should -HaveCount 1
        $delivered[0].From.Mailboxes | Should -HaveCount 1
        $delivered[0].From.Mailboxes[0].Address | Should -Be $EntraMailbox

        # Disabled: the command says what happens to notifications, and sending stops with a clear error.
        Disable-EntraSmtpClient -IdentityStore Contoso -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 0
        $warnings | Where-Object Message -like '*Send-Notification fails with EntraSmtpClientNotEnabled*' | Should -Not -BeNullOrEmpty
        (Get-NotificationDelivery -IdentityStore Contoso).Problem | Should -BeLike '*not enabled*'
        # A configuration problem: the command stops (issue 15: only those do).
        $stopped = $null
        try { Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "$group-2" -To judy@test.local }
        catch { $stopped = $_ }
        $stopped | Should -Not -BeNullOrEmpty
        $stopped.FullyQualifiedErrorId | Should -Be 'EntraSmtpClientNotEnabled,MessagingProvider.Commands.SendNotificationCommand'
        $stopped.CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'changes nothing with -WhatIf' {
        foreach ($step in 'disabled', 'enabled') {
            if ($step -eq 'enabled') {
                (Send-EntraSmtpTestMessage -IdentityStore Contoso -To heidi@test.local).Succeeded | Should -BeTrue
                Enable-EntraSmtpClient -IdentityStore Contoso
            }
            $before = Get-ConfigurationSnapshot
            Disable-EntraSmtpClient -IdentityStore Contoso -WhatIf -ErrorVariable err
            $err | Should -HaveCount 0 -Because $step
            Assert-ConfigurationUnchanged $before
        }
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue
    }
}

# Mirrors tests/MessagingProvider.Tests/Smtp/NotificationDeliveryCommandTests.cs: Set-/Get-NotificationDelivery
# and Send-Notification through Microsoft Graph (Entra ID and Graph HTTPS stand-ins) or the real Postfix.
BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'SmtpCommon.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
    $mailbox = 'notifications@contoso.com'
}
AfterAll { $server.Dispose() }

Describe 'Set-NotificationDelivery' {
    BeforeEach {
        Initialize-TestConfiguration
        Start-CloudStandIn
        $marker = [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        New-Office365TestStore -Secret $Entra.ClientSecret
    }
    AfterEach {
        Stop-CloudStandIn
        Remove-TestConfiguration
    }

    It 'delivers a new store through SMTP and says the server is missing' {
        $delivery = Get-NotificationDelivery -IdentityStore Cloud
        $delivery.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.NotificationDeliveryInfo'
        $delivery.Method | Should -Be 'Smtp'
        $delivery.From | Should -BeNullOrEmpty
        $delivery.Problem | Should -BeLike '*Set-SmtpServer*'
    }

    It 'stores Microsoft Graph with its mailbox' {
        $passed = Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -PassThru
        $passed.Method | Should -Be 'MicrosoftGraph'
        $stored = Get-IdentityStore -Name Cloud | Get-NotificationDelivery
        $stored.Method | Should -Be 'MicrosoftGraph'
        $stored.From | Should -Be $mailbox
        $stored.GraphMailbox | Should -Be $mailbox
        $stored.Endpoint | Should -Be $Graph.Endpoint.ToString()
        $stored.Problem | Should -BeNullOrEmpty
    }

    It 'refuses <Case> and stores nothing' -ForEach @(
        @{ Case = 'Graph on an Exchange store'; Store = 'Contoso'; Arguments = @{ Method = 'MicrosoftGraph'; From = 'notifications@contoso.com' }; ErrorId = 'GraphDeliveryRequiresOffice365' }
        @{ Case = 'Graph without a mailbox'; Store = 'Cloud'; Arguments = @{ Method = 'MicrosoftGraph' }; ErrorId = 'GraphDeliveryFromMissing' }
        @{ Case = 'an invalid mailbox'; Store = 'Cloud'; Arguments = @{ Method = 'MicrosoftGraph'; From = 'not an address' }; ErrorId = 'InvalidEmailAddress' }
        @{ Case = '-From with SMTP'; Store = 'Cloud'; Arguments = @{ Method = 'Smtp'; From = 'notifications@contoso.com' }; ErrorId = 'NotificationDeliveryFromNotUsed' }
        @{ Case = 'an unknown store'; Store = 'Nowhere'; Arguments = @{ Method = 'Smtp' }; ErrorId = 'IdentityStoreNotFound' }
    ) {
        New-ExchangeTestStore
        $before = Get-ConfigurationSnapshot
        { Set-NotificationDelivery -IdentityStore $Store @Arguments -ErrorAction Stop } | Should -Throw -ErrorId "$ErrorId,MessagingProvider.Commands.SetNotificationDeliveryCommand"
        Assert-ConfigurationUnchanged $before
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -WhatIf -PassThru | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }

    It 'stores SMTP without an SMTP server with a warning, and Send-Notification says so' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $delivery = Set-NotificationDelivery -IdentityStore Cloud -Method Smtp -PassThru -WarningVariable warn
        $delivery.Method | Should -Be 'Smtp'
        $delivery.GraphMailbox | Should -Be $mailbox
        $warn | Should -Match 'SmtpServerNotConfigured'
        { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject Sales -To owner@contoso.com -ErrorAction Stop } |
            Should -Throw -ErrorId 'SmtpServerNotConfigured,MessagingProvider.Commands.SendNotificationCommand'
    }

    It 'sends through Graph with one token' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $results = "Sales-$marker", "Support-$marker", "Finance-$marker" |
            Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com, helpdesk@contoso.com -Cc audit@contoso.com -ChangedBy erin@contoso.com
        $results.Status | Should -Be @('Sent', 'Sent', 'Sent')
        $results.Transport | Should -Be @('MicrosoftGraph', 'MicrosoftGraph', 'MicrosoftGraph')
        $results.ServerReply | Should -Be @('202 Accepted', '202 Accepted', '202 Accepted')
        $Entra.TokenRequests | Should -Be 1
        $Graph.Sent.Count | Should -Be 3
        $first = @($Graph.Sent)[0]
        $first.Item1 | Should -Be $mailbox
        $message = $first.Item2['message']
        $message['subject'].GetValue[string]() | Should -Be "Sales-$marker was modified"
        $message['toRecipients'][0]['emailAddress']['address'].GetValue[string]() | Should -Be 'owner@contoso.com'
        $message['ccRecipients'][0]['emailAddress']['address'].GetValue[string]() | Should -Be 'audit@contoso.com'
        $message['body']['contentType'].GetValue[string]() | Should -Be 'text'
    }

    It 'waits out throttling and counts the attempts' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $Graph.Throttle(1)
        $result = Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Busy-$marker" -To owner@contoso.com
        $result.Status | Should -Be 'Sent'
        $result.Attempts | Should -Be 2
    }

    It 'ends a throttling wait when the command is stopped' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $Graph.Throttle(1, 60)
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        try {
            $ps = [powershell]::Create()
            $ps.Runspace = $runspace
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject 'Stopped-$marker' -To owner@contoso.com")
            $running = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while ($Graph.Requests -lt 1 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $Graph.Requests | Should -Be 1
            $ps.Stop()
            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            { $ps.EndInvoke($running) } | Should -Throw
            $Graph.Requests | Should -Be 1
            $Graph.Sent.Count | Should -Be 0
        }
        finally {
            $runspace.Dispose()
        }
    }

    It 'fails each message Graph refuses and goes on' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $Graph.MailSendGranted = $false
        $results = "One-$marker", "Two-$marker" | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 2
        $err.FullyQualifiedErrorId | Should -Be @('GraphMailSendDenied,MessagingProvider.Commands.SendNotificationCommand', 'GraphMailSendDenied,MessagingProvider.Commands.SendNotificationCommand')
        $results.Status | Should -Be @('Failed', 'Failed')
    }

    It 'reports an unknown sender mailbox' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From nobody@contoso.com
        $result = Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Nobody-$marker" -To owner@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'GraphMailboxNotFound,MessagingProvider.Commands.SendNotificationCommand'
        $result.ServerReply | Should -Be '404 ErrorInvalidUser'
    }

    It 'stops once when the sign-in fails' {
        Remove-IdentityStore -Name Cloud -Confirm:$false
        New-Office365TestStore -Secret 'not-the-secret'
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $results = $null
        # Statement-terminating: caught here; -ErrorVariable still holds it.
        try { $results = "A-$marker", "B-$marker" | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com -ErrorVariable err } catch { }
        @($err).Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EntraClientSecretInvalid,MessagingProvider.Commands.SendNotificationCommand'
        $results | Should -BeNullOrEmpty
        $Graph.Requests | Should -Be 0
    }

    It 'sends nothing through Graph with -WhatIf' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        $result = Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "WhatIf-$marker" -To owner@contoso.com -WhatIf
        $result.Status | Should -Be 'Skipped'
        $result.Transport | Should -Be 'MicrosoftGraph'
        $Entra.TokenRequests | Should -Be 0
        $Graph.Requests | Should -Be 0
    }

    It 'stops Graph delivery with the reason when the provider is no longer Office 365' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        Set-MessagingProvider -IdentityStore Cloud -Provider Other -Domain contoso.com -Force
        { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Moved-$marker" -To owner@contoso.com -ErrorAction Stop } |
            Should -Throw -ErrorId 'GraphDeliveryRequiresOffice365,MessagingProvider.Commands.SendNotificationCommand'
    }

    It 'sends through the mail server again after switching back to SMTP' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox
        Set-SmtpServer -IdentityStore Cloud -Server 127.0.0.1 -Port $server.PlainPort -From $sender -Security None -Authentication Basic -Credential ([pscredential]::new($sender, (ConvertTo-TestSecureString $server.SenderPassword)))
        Set-NotificationDelivery -IdentityStore Cloud -Method Smtp
        $result = Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Back-$marker" -To olivia@test.local
        $result.Status | Should -Be 'Sent'
        $result.Transport | Should -Be 'Smtp'
        $delivered = $server.Mail.WaitFor('olivia@test.local', "Back-$marker", 1, $null)
        $delivered[0].From.Mailboxes[0].Address | Should -Be $sender
        $Graph.Requests | Should -Be 0
        (Get-NotificationDelivery Cloud).GraphMailbox | Should -Be $mailbox
    }
}

Describe 'Set-NotificationDelivery -Method EntraSmtpClient' {
    BeforeAll {
        . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
        $server = Start-TestMailServer
    }
    AfterAll { $server.Dispose() }
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'sends notifications through the enabled client as the signed-in mailbox and stops when it is disabled' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $before = Get-ConfigurationSnapshot
        { Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -ErrorAction Stop } |
            Should -Throw -ErrorId 'EntraSmtpClientNotEnabled,MessagingProvider.Commands.SetNotificationDeliveryCommand'
        { Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -From judy@test.local -ErrorAction Stop } |
            Should -Throw -ErrorId 'NotificationDeliveryFromNotUsed,MessagingProvider.Commands.SetNotificationDeliveryCommand'
        Assert-ConfigurationUnchanged $before

        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To judy@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso
        $delivery = Set-NotificationDelivery -IdentityStore Contoso -Method EntraSmtpClient -PassThru
        $delivery.Method | Should -Be 'EntraSmtpClient'
        $delivery.Problem | Should -BeNullOrEmpty

        $group = 'Entra-' + [guid]::NewGuid().ToString('N').Substring(0, 12)
        $result = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject $group -To judy@test.local
        $result.Status | Should -Be 'Sent'
        $result.Transport | Should -Be 'EntraSmtpClient'
        $message = $server.Mail.WaitFor('judy@test.local', $group, 1, $null)
        $message[0].From.Mailboxes[0].Address | Should -Be $EntraMailbox

        Disable-EntraSmtpClient -IdentityStore Contoso -WarningVariable warned 3>$null
        $warned | Where-Object { $_.Message -like '*Send-Notification fails with EntraSmtpClientNotEnabled*' } | Should -Not -BeNullOrEmpty
        (Get-NotificationDelivery -IdentityStore Contoso).Problem | Should -BeLike '*not enabled*'
        { Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "$group-2" -To judy@test.local -ErrorAction Stop } |
            Should -Throw -ErrorId 'EntraSmtpClientNotEnabled,MessagingProvider.Commands.SendNotificationCommand'
    }
}

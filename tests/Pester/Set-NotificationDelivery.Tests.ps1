# Set-NotificationDelivery, and the delivery methods it chooses as Send-Notification uses them: Microsoft Graph
# (Entra ID and Graph HTTPS stand-ins), the real mail server (Postfix + Dovecot) and the Entra ID SMTP client.
BeforeAll {
    . "$PSScriptRoot/NotificationDelivery.common.ps1"
    Import-Module $ModuleManifest -Force
    $server = [MessagingProvider.TestSupport.MailServerFixture]::new()
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
    $mailbox = 'notifications@contoso.com'
}
AfterAll { if ($server) { $server.Dispose() } }

Describe 'Set-NotificationDelivery' -Tag LinuxOnly {
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

    It 'stores Microsoft Graph with its mailbox' {
        $set = Invoke-Captured { Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -PassThru -Verbose }
        $set.Errors.Count | Should -Be 0
        $set.Output.Count | Should -Be 1
        $set.Output[0].Method | Should -Be 'MicrosoftGraph'
        $set.Verbose | Where-Object { $_.Contains("through Microsoft Graph as $mailbox") } | Should -Not -BeNullOrEmpty
        $stored = Get-IdentityStore -Name Cloud | Get-NotificationDelivery
        $stored.Method | Should -Be 'MicrosoftGraph'
        $stored.From | Should -Be $mailbox
        $stored.GraphMailbox | Should -Be $mailbox
        $stored.Endpoint | Should -Be $Graph.Endpoint.ToString()
        $stored.Problem | Should -BeNullOrEmpty
        (Get-ConfigurationSnapshot).Values | ForEach-Object { [System.Text.Encoding]::UTF8.GetString([Convert]::FromBase64String($_)) } |
            Where-Object { $_.Contains('"method": "MicrosoftGraph"') } | Should -Not -BeNullOrEmpty
    }

    It 'refuses <Case> and stores nothing' -ForEach @(
        @{ Case = 'Graph on an Exchange store'; Store = 'Contoso'; Arguments = @{ Method = 'MicrosoftGraph'; From = 'notifications@contoso.com' }
            ErrorId = 'GraphDeliveryRequiresOffice365'; Category = 'InvalidOperation'; Message = "provider of 'Contoso' is Exchange" }
        @{ Case = 'Graph without a mailbox'; Store = 'Cloud'; Arguments = @{ Method = 'MicrosoftGraph' }
            ErrorId = 'GraphDeliveryFromMissing'; Category = 'InvalidArgument'; Message = '-From' }
        @{ Case = 'an invalid mailbox'; Store = 'Cloud'; Arguments = @{ Method = 'MicrosoftGraph'; From = 'not an address' }
            ErrorId = 'InvalidEmailAddress'; Category = 'InvalidArgument'; Message = 'not an address' }
        @{ Case = '-From with SMTP'; Store = 'Cloud'; Arguments = @{ Method = 'Smtp'; From = 'notifications@contoso.com' }
            ErrorId = 'NotificationDeliveryFromNotUsed'; Category = 'InvalidArgument'; Message = 'Set-SmtpServer -From' }
        @{ Case = 'an unknown store'; Store = 'Nowhere'; Arguments = @{ Method = 'Smtp' }
            ErrorId = 'IdentityStoreNotFound'; Category = 'ObjectNotFound'; Message = 'Nowhere' }
    ) {
        New-ExchangeTestStore
        $before = Get-ConfigurationSnapshot
        $output = Set-NotificationDelivery -IdentityStore $Store @Arguments -PassThru -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.SetNotificationDeliveryCommand"
        $err[0].CategoryInfo.Category | Should -Be $Category
        $err[0].Exception.Message | Should -BeLike "*$([WildcardPattern]::Escape($Message))*"
        $output | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        $run = Invoke-Captured { Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -WhatIf -PassThru }
        $run.Errors.Count | Should -Be 0
        $run.Output | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }

    It 'stores SMTP without an SMTP server with a warning, and Send-Notification says so' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        $set = Invoke-Captured { Set-NotificationDelivery -IdentityStore Cloud -Method Smtp -PassThru }
        $set.Errors.Count | Should -Be 0
        $set.Output.Count | Should -Be 1
        $set.Output[0].Method | Should -Be 'Smtp'
        $set.Output[0].GraphMailbox | Should -Be $mailbox
        $set.Warnings | Where-Object { $_.Contains('SmtpServerNotConfigured') } | Should -Not -BeNullOrEmpty
        $send = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject Sales -To owner@contoso.com }
        $send.Errors.Count | Should -Be 1
        $send.Errors[0].FullyQualifiedErrorId | Should -Be 'SmtpServerNotConfigured,MessagingProvider.Commands.SendNotificationCommand'
    }

    It 'sends through Graph with one token' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        $run = Invoke-Captured {
            "Sales-$marker", "Support-$marker", "Finance-$marker" |
                Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com, helpdesk@contoso.com -Cc audit@contoso.com -ChangedBy erin@contoso.com -Verbose
        }
        $run.Errors.Count | Should -Be 0
        $run.Output.Count | Should -Be 3
        $run.Output.ForEach('Status') | Should -Be @('Sent', 'Sent', 'Sent')
        $run.Output.ForEach('Transport') | Should -Be @('MicrosoftGraph', 'MicrosoftGraph', 'MicrosoftGraph')
        $run.Output.ForEach('ServerReply') | Should -Be @('202 Accepted', '202 Accepted', '202 Accepted')
        foreach ($result in $run.Output) { $result.MessageId | Should -BeNullOrEmpty }
        $run.Verbose | Where-Object { $_.Contains("go through Microsoft Graph $($Graph.Endpoint) as $mailbox") } | Should -Not -BeNullOrEmpty
        $run.Verbose | Where-Object { $_.Contains($Entra.ClientSecret) } | Should -BeNullOrEmpty
        $Entra.TokenRequests | Should -Be 1
        $Graph.Sent.Count | Should -Be 3
        $first = @($Graph.Sent)[0]
        $first.Item1 | Should -Be $mailbox
        $message = $first.Item2['message']
        $message['subject'].GetValue[string]() | Should -Be "Sales-$marker was modified"
        @($message['toRecipients'].AsArray() | ForEach-Object { $_['emailAddress']['address'].GetValue[string]() }) | Should -Be @('owner@contoso.com', 'helpdesk@contoso.com')
        $message['ccRecipients'][0]['emailAddress']['address'].GetValue[string]() | Should -Be 'audit@contoso.com'
        $message['body']['contentType'].GetValue[string]() | Should -Be 'html' -Because 'Graph carries one body: the HTML part of the multipart message'
        $message['body']['content'].GetValue[string]() | Should -BeLike '*modified by erin@contoso.com*'
    }

    It 'waits out throttling and counts the attempts' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        $Graph.Throttle(1)
        $run = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Busy-$marker" -To owner@contoso.com -Verbose }
        $run.Errors.Count | Should -Be 0
        $run.Output.Count | Should -Be 1
        $run.Output[0].Status | Should -Be 'Sent'
        $run.Output[0].Attempts | Should -Be 2
        $run.Verbose | Where-Object { $_.Contains('429') -and $_.Contains('Retry-After') } | Should -Not -BeNullOrEmpty
        $Graph.Sent.Count | Should -Be 1
    }

    It 'ends a throttling wait when the command is stopped' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        # Graph asks to come back in a minute: the command waits, and Ctrl+C must end the wait.
        $Graph.Throttle(1, 60)
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        $ps = [powershell]::Create()
        try {
            $ps.Runspace = $runspace
            $null = $ps.AddScript("Import-Module '$ModuleManifest'; Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject 'Stopped-$marker' -To owner@contoso.com")
            $running = $ps.BeginInvoke()
            $deadline = [datetime]::UtcNow.AddSeconds(30)
            while ($Graph.Requests -lt 1 -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 50 }
            $Graph.Requests | Should -Be 1 -Because 'Send-Notification should reach Graph within 30 s'

            $stopping = $ps.BeginStop($null, $null)
            if (-not $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Send-Notification did not stop within 30 s of Stop()' }
            $ps.EndStop($stopping)
            if (-not $running.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Send-Notification did not finish within 30 s after it stopped' }

            $ps.InvocationStateInfo.State | Should -Be 'Stopped'
            $thrown = $null
            try { $ps.EndInvoke($running) } catch { $thrown = $_.Exception.InnerException }
            $thrown | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
            $Graph.Requests | Should -Be 1
            $Graph.Sent.Count | Should -Be 0
        }
        finally {
            $ps.Dispose()
            $runspace.Dispose()
        }
    }

    It 'fails each message Graph refuses and goes on' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        $Graph.MailSendGranted = $false
        $run = Invoke-Captured { "One-$marker", "Two-$marker" | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com }
        $run.Errors.Count | Should -Be 2
        foreach ($record in $run.Errors) {
            $record.FullyQualifiedErrorId | Should -Be 'GraphMailSendDenied,MessagingProvider.Commands.SendNotificationCommand'
            $record.CategoryInfo.Category | Should -Be 'PermissionDenied'
        }
        $run.Output.Count | Should -Be 2
        foreach ($result in $run.Output) {
            $result.Status | Should -Be 'Failed'
            $result.Reason | Should -BeLike '*Mail.Send*'
        }
    }

    It 'reports an unknown sender mailbox' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From nobody@contoso.com -ErrorAction Stop
        $run = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Nobody-$marker" -To owner@contoso.com }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'GraphMailboxNotFound,MessagingProvider.Commands.SendNotificationCommand'
        $run.Errors[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $run.Output.Count | Should -Be 1
        $run.Output[0].ServerReply | Should -Be '404 ErrorInvalidUser'
    }

    It 'stops once when the sign-in fails' {
        Remove-IdentityStore -Name Cloud -Confirm:$false
        New-Office365TestStore -Secret 'not-the-secret'
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        # Stopped at the first message: one (terminating) error, not one per message, and no result.
        $run = Invoke-Captured { "A-$marker", "B-$marker" | Send-Notification -IdentityStore Cloud -Event ObjectModified -To owner@contoso.com }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'EntraClientSecretInvalid,MessagingProvider.Commands.SendNotificationCommand'
        $run.Output | Should -BeNullOrEmpty
        $Graph.Requests | Should -Be 0
    }

    It 'sends nothing through Graph with -WhatIf' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        $run = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "WhatIf-$marker" -To owner@contoso.com -WhatIf }
        $run.Errors.Count | Should -Be 0
        $run.Output.Count | Should -Be 1
        $run.Output[0].Status | Should -Be 'Skipped'
        $run.Output[0].Reason | Should -Be '-WhatIf'
        $run.Output[0].Transport | Should -Be 'MicrosoftGraph'
        $Entra.TokenRequests | Should -Be 0
        $Graph.Requests | Should -Be 0
    }

    It 'stops Graph delivery with the reason when the provider is no longer Office 365' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        Set-MessagingProvider -IdentityStore Cloud -Provider Other -Domain contoso.com -Force -ErrorAction Stop
        $run = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Moved-$marker" -To owner@contoso.com }
        $run.Errors.Count | Should -Be 1
        $run.Errors[0].FullyQualifiedErrorId | Should -Be 'GraphDeliveryRequiresOffice365,MessagingProvider.Commands.SendNotificationCommand'
        $run.Errors[0].Exception.Message | Should -BeLike '*-Method Smtp*'
        $Graph.Requests | Should -Be 0
    }

    It 'sends through the mail server again after switching back to SMTP' {
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From $mailbox -ErrorAction Stop
        Set-SmtpServer -IdentityStore Cloud -Server 127.0.0.1 -Port $server.PlainPort -From $sender -Security None -Authentication Basic `
            -Credential (New-TestCredential $sender $server.SenderPassword) -ErrorAction Stop
        Set-NotificationDelivery -IdentityStore Cloud -Method Smtp -ErrorAction Stop
        $run = Invoke-Captured { Send-Notification -IdentityStore Cloud -Event ObjectModified -InputObject "Back-$marker" -To olivia@test.local -Verbose }
        $run.Errors.Count | Should -Be 0
        $run.Output.Count | Should -Be 1
        $run.Output[0].Status | Should -Be 'Sent'
        $run.Output[0].Transport | Should -Be 'Smtp'
        $run.Output[0].MessageId | Should -Not -BeNullOrEmpty
        $run.Verbose | Where-Object { $_.Contains("go through SMTP server 127.0.0.1:$($server.PlainPort) as $sender") } | Should -Not -BeNullOrEmpty
        $delivered = @($server.Mail.WaitFor('olivia@test.local', "Back-$marker", 1, $null))
        $delivered.Count | Should -Be 1
        $delivered[0].From.Mailboxes.ForEach('Address') | Should -Be @($sender)
        $Graph.Requests | Should -Be 0
        (Get-NotificationDelivery Cloud).GraphMailbox | Should -Be $mailbox
    }
}

Describe 'Set-NotificationDelivery -Method EntraSmtpClient' -Tag LinuxOnly {
    BeforeAll { . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1')) }
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

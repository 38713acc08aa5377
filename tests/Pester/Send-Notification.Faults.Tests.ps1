# Send-Notification through the outbox against the fault-injecting SMTP server: for each fault,
# every message is accepted by the server or reported Failed/Deferred; nothing is accepted twice
# except the message whose reply was lost (PossibleDuplicate, same Message-ID); the time spent
# stays within attempts x timeout (2 s here).
BeforeAll {
    . "$PSScriptRoot/NotificationOutbox.common.ps1"
}

Describe 'Send-Notification against a faulty SMTP server' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'sends again, once, a message whose connection dropped mid-DATA' {
        $fault.DropMidData("Mid-$marker")

        $results = @("A-$marker", "Mid-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To ivan@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent', 'Sent')
        $results[1].Attempts | Should -Be 2
        $counts = Get-DeliveryCount $fault 'ivan@test.local'
        $counts.Count | Should -Be 3
        foreach ($r in $results) { $counts["<$($r.MessageId)>"] | Should -Be 1 -Because $r.Subject }
        $fault.Connections | Should -Be 2
    }

    It 'flags and resends with the same Message-ID a message whose reply was lost after the end of DATA' {
        $fault.DropAfterData("Lost-$marker")

        $results = @("A-$marker", "Lost-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To judy@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent', 'Sent')
        @($results | ForEach-Object PossibleDuplicate) | Should -Be @($false, $true, $false)
        $counts = Get-DeliveryCount $fault 'judy@test.local'
        $counts["<$($results[1].MessageId)>"] | Should -Be 2
        $counts["<$($results[0].MessageId)>"] | Should -Be 1
        $counts["<$($results[2].MessageId)>"] | Should -Be 1
        $history = @(Get-NotificationHistory -IdentityStore Contoso -MessageId $results[1].MessageId)
        $history.Count | Should -Be 1
        $history[0].PossibleDuplicate | Should -BeTrue
        $history[0].QueueId | Should -Not -BeNullOrEmpty
        $history[0].LastReply | Should -BeLikeExactly "250 2.0.0 Ok: queued as $($history[0].QueueId)"
    }

    It 'gives up on a reply that never comes after one timeout and resends on a new connection' {
        $fault.HangAfterData("Hang-$marker")
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $results = @("Hang-$marker", "After-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To karl@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $clock.Stop()
        $err.Count | Should -Be 0
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent')
        $results[0].PossibleDuplicate | Should -BeTrue
        (Get-DeliveryCount $fault 'karl@test.local')["<$($results[0].MessageId)>"] | Should -Be 2
        # One timeout (2 s) for the hung reply, well within attempts x timeout.
        $clock.Elapsed.TotalSeconds | Should -BeGreaterThan 1.5
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 6
    }

    It 'retries a 421 greeting on the first connection' {
        $fault.FailGreeting(1)

        $results = @("A-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To liam@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent')
        $results[0].Attempts | Should -Be 2
        $fault.Connections | Should -Be 2 -Because 'the refused one, then one for both messages'
        (Get-DeliveryCount $fault 'liam@test.local').Values | Should -Be @(1, 1)
    }

    It 'retries a 421 greeting on the reconnect after a dropped connection' {
        $fault.DropMidData("Drop-$marker")
        $fault.FailGreeting(2)

        $results = @("Drop-$marker", "Next-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To mia@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent')
        $results[0].Attempts | Should -Be 3
        (Get-DeliveryCount $fault 'mia@test.local').Values | Should -Be @(1, 1)
    }

    It 'leaves every message Deferred with one non-terminating error each when the server keeps greeting with 421, and sends them on the next run' {
        1..3 | ForEach-Object { $fault.FailGreeting($_) }
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $results = @("A-$marker", "B-$marker", "C-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To nina@test.local -RetryDelay '00:00:00.05' -ErrorVariable err -ErrorAction SilentlyContinue)

        $clock.Stop()
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Deferred', 'Deferred', 'Deferred')
        $err.Count | Should -Be 3
        @($err | ForEach-Object FullyQualifiedErrorId | Select-Object -Unique) | Should -Be @('NotificationDeferred,MessagingProvider.Commands.SendNotificationCommand')
        $err[0].CategoryInfo.Category | Should -Be 'ConnectionError'
        $err[0].Exception.Message | Should -BeLikeExactly '*421 4.3.2*'
        $fault.Connections | Should -Be 3 -Because 'MaxAttempts 3 for the first message; the others are deferred without new connections'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan (3 * 2)
        $queued = @(Get-QueuedNotification -IdentityStore Contoso)
        $queued.Count | Should -Be 3
        @($queued | ForEach-Object { "$($_.State)" } | Select-Object -Unique) | Should -Be @('Deferred')

        $resent = @(Send-QueuedNotification -IdentityStore Contoso -Force -RetryDelay '00:00:00.05' -ErrorVariable err2)

        $err2.Count | Should -Be 0
        @($resent | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent', 'Sent')
        (Get-DeliveryCount $fault 'nina@test.local').Values | Should -Be @(1, 1, 1)
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
    }

    It 'retries <Reply> on RCPT and sends the message' -TestCases @(
        @{ Reply = '451 4.3.0 Temporary lookup failure' }
        @{ Reply = '452 4.2.2 Mailbox full' }
    ) {
        $fault.ReplyToRcpt('olga@test.local', $Reply, 1)

        $result = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Rcpt-$marker" -To olga@test.local -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        "$($result[0].Status)" | Should -Be 'Sent'
        $result[0].Attempts | Should -Be 2
        (Get-DeliveryCount $fault 'olga@test.local').Values | Should -Be @(1)
    }

    It 'fails a message on 550 at RCPT and goes on with the pipeline' {
        $fault.ReplyToRcpt('gone@test.local', '550 5.1.1 User unknown', 1)

        $results = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Gone-$marker" -To gone@test.local -RetryDelay '00:00:00.05' -ErrorVariable err -ErrorAction SilentlyContinue
                     Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Fine-$marker" -To fine@test.local -RetryDelay '00:00:00.05')

        Assert-SingleError $err 'SmtpRecipientRejected,MessagingProvider.Commands.SendNotificationCommand' 'InvalidOperation'
        $err[0].Exception.Message | Should -BeLikeExactly '*550 5.1.1*'
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Failed', 'Sent')
        $results[0].Attempts | Should -Be 1
        $fault.For('gone@test.local').Count | Should -Be 0
        (Get-NotificationHistory -IdentityStore Contoso -State Failed).Count | Should -Be 1
    }

    It 'retries 451 after DATA, fails 554 after DATA' {
        $fault.ReplyToData("Busy-$marker", '451 4.3.0 Try again later', 1)
        $fault.ReplyToData("Spam-$marker", '554 5.7.1 Message rejected', 5)

        $results = @("Busy-$marker", "Spam-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To pia@test.local -RetryDelay '00:00:00.05' -ErrorVariable err -ErrorAction SilentlyContinue)

        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Failed')
        $results[0].Attempts | Should -Be 2
        $results[1].Attempts | Should -Be 1
        Assert-SingleError $err 'SmtpMessageRejected,MessagingProvider.Commands.SendNotificationCommand' 'InvalidOperation'
        (Get-DeliveryCount $fault 'pia@test.local').Values | Should -Be @(1)
    }

    It 'waits on throttling replies without spending attempts' {
        $fault.ReplyToData("Slow-$marker", '451 4.7.500 Server busy. Please try again later', 2)

        $result = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Slow-$marker" -To quinn@test.local -MaxAttempts 1 -RetryDelay '00:00:00.05' -Verbose -ErrorVariable err 4>&1)
        $split = Split-VerboseOutput $result

        $err.Count | Should -Be 0
        "$($split.Output[0].Status)" | Should -Be 'Sent'
        @($split.Verbose | Where-Object { $_.StartsWith('The server asks to slow down (451 4.7.500', [System.StringComparison]::Ordinal) }).Count | Should -Be 2
    }

    It 'defers within attempts x timeout when the port refuses connections' {
        $fault.Dispose()
        Set-SmtpServer -IdentityStore Contoso -Port ([MessagingProvider.TestSupport.FreePort]::Next()) -ErrorAction Stop
        $clock = [System.Diagnostics.Stopwatch]::StartNew()

        $results = @("A-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To rita@test.local -RetryDelay '00:00:00.05' -ErrorVariable err -ErrorAction SilentlyContinue)

        $clock.Stop()
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Deferred', 'Deferred')
        $err.Count | Should -Be 2
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationDeferred,MessagingProvider.Commands.SendNotificationCommand'
        $err[0].Exception.InnerException.ErrorId | Should -Be 'SmtpConnectionRefused'
        $clock.Elapsed.TotalSeconds | Should -BeLessThan (3 * 2)
        @(Get-QueuedNotification -IdentityStore Contoso -State Deferred).Count | Should -Be 2
    }

    It 'stops on 535 and keeps the rendered message queued' {
        $fault.Password = 'right-password'
        Set-SmtpServer -IdentityStore Contoso -Authentication Basic -Credential (New-TestCredential 'notify@contoso.test' 'wrong-password') -ErrorAction Stop 3>$null

        $stopped = $null
        try { "A-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To sam@test.local -RetryDelay '00:00:00.05' 3>$null }
        catch { $stopped = $_ }

        $stopped | Should -Not -BeNullOrEmpty
        $stopped.FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.SendNotificationCommand'
        $stopped.Exception.Message | Should -BeLikeExactly '*535*'
        # B is rendered and committed while A is on its way (the connection sends as the pipeline
        # renders), unless the 535 came back first: either way, what was rendered stays queued.
        $queued = @(Get-QueuedNotification -IdentityStore Contoso)
        $queued.Count | Should -BeIn 1, 2
        $queued.Subject | Should -Contain "A-$marker was modified"
        $queued.Subject | Where-Object { $_ -notin "A-$marker was modified", "B-$marker was modified" } | Should -BeNullOrEmpty
        $fault.Accepted.Count | Should -Be 0
    }

    It 'stops on 535 5.7.139 with the error that names the end of Basic authentication in Exchange Online' {
        $fault.AuthReply = '535 5.7.139 Authentication unsuccessful, SmtpClientAuthentication is disabled for the Tenant.'
        Set-SmtpServer -IdentityStore Contoso -Authentication Basic -Credential (New-TestCredential 'notify@contoso.test' 'a-password') -ErrorAction Stop 3>$null

        $stopped = $null
        try { "A-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To sam@test.local -RetryDelay '00:00:00.05' 3>$null }
        catch { $stopped = $_ }

        $stopped | Should -Not -BeNullOrEmpty
        $stopped.FullyQualifiedErrorId | Should -Be 'SmtpBasicAuthDisabled,MessagingProvider.Commands.SendNotificationCommand'
        $stopped.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $stopped.Exception.Message | Should -BeLike '*535 5.7.139*end of December 2026*-Authentication OAuth2*'
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 1
        $fault.Accepted.Count | Should -Be 0
    }

    It 'notifies a 250-member group completely through a 452 4.5.3 recipient limit, members blind to each other' {
        $fault.MaxRecipients = 40
        $members = 1..250 | ForEach-Object { [pscustomobject]@{ Name = "Member $_"; Mail = "member$_@test.local" } }
        Set-NotificationPolicy -IdentityStore Contoso -NotifyModifiedObject -ErrorAction Stop

        $result = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject ([pscustomobject]@{ Name = "Big-$marker"; ObjectClass = 'group'; Members = $members }) `
                -RetryDelay '00:00:00.05' -ErrorVariable err)

        $err.Count | Should -Be 0
        "$($result[0].Status)" | Should -Be 'Sent'
        $result[0].Bcc.Count | Should -Be 250
        $result[0].To.Count | Should -Be 0
        $delivered = @($fault.Accepted | Where-Object Subject -like "*Big-$marker*")
        $delivered.Count | Should -Be 250
        @($delivered | ForEach-Object Recipient | Sort-Object -Unique).Count | Should -Be 250
        # No header names a member: To is the empty group.
        $delivered[0].Data | Should -Match '(?m)^To: undisclosed-recipients: ?;'
        $delivered[0].Data | Should -Not -Match 'member\d+@test\.local'
    }

    It 'keeps everything it committed when killed (kill -9) mid-batch, and sends twice at most the message in flight and the one before it' {
        # A Sent outcome is committed with the next message's commit, not on its own: a kill may come
        # before that, and the next run sends that message again, flagged like the one in flight.
        $random = [System.Random]::new()
        foreach ($round in 1..5) {
            Stop-OutboxProcessMidBatch $fault "1..1000 | ForEach-Object { 'Kill-$marker-$round-' + `$_ } | Send-Notification -IdentityStore Contoso -Event ObjectModified -To batch@test.local -RetryDelay 00:00:00.05 -ErrorAction SilentlyContinue | Out-Null" $random |
                Should -BeTrue -Because 'the kill must interrupt the batch'
        }

        $last = Wait-OutboxProcess (Start-OutboxProcess "Send-QueuedNotification -IdentityStore Contoso -Force -RetryDelay 00:00:00.05 | Out-Null")

        $last.Errors | Should -BeNullOrEmpty
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
        $history = @(Get-NotificationHistory -IdentityStore Contoso -State Sent)
        $counts = Get-DeliveryCount $fault 'batch@test.local'
        # What the server has is exactly what the killed runs committed: nothing lost, nothing unrecorded.
        @($counts.Keys | Sort-Object) | Should -Be @($history | ForEach-Object { "<$($_.MessageId)>" } | Sort-Object)
        (Assert-OnlyFlaggedDuplicate $counts $history).Twice | Should -BeLessOrEqual 10 -Because 'at each kill, at most the message in flight and the one sent just before it'
    }
}

Describe 'Send-Notification -MaxConnection' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'sends a batch over that many connections, every message once, with a result each' {
        $names = 1..24 | ForEach-Object { "Batch-$marker-$_" }

        $results = @($names | Send-Notification -IdentityStore Contoso -Event ObjectModified -To batch@test.local -MaxConnection 3 -ErrorVariable err)

        $err.Count | Should -Be 0
        $results.Count | Should -Be 24
        @($results | ForEach-Object { "$($_.Status)" } | Select-Object -Unique) | Should -Be @('Sent')
        # Results come as the connections finish: the same objects, in any order.
        @($results | ForEach-Object Object | Sort-Object) | Should -Be @($names | Sort-Object)
        $fault.Connections | Should -Be 3
        $accepted = $fault.For('batch@test.local')
        $accepted.Count | Should -Be 24
        @($accepted | ForEach-Object MessageId | Select-Object -Unique).Count | Should -Be 24
        @($accepted | ForEach-Object Connection | Select-Object -Unique).Count | Should -BeGreaterThan 1
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
        @(Get-NotificationHistory -IdentityStore Contoso -State Sent).Count | Should -Be 24
    }

    It "keeps the store's -MessagesPerMinute across all its connections" {
        Set-NotificationDelivery -IdentityStore Contoso -MessagesPerMinute 300 -ErrorAction Stop

        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $results = @(1..6 | ForEach-Object { "Paced-$marker-$_" } | Send-Notification -IdentityStore Contoso -Event ObjectModified -To paced@test.local -MaxConnection 3 -ErrorVariable err)
        $clock.Stop()

        $err.Count | Should -Be 0
        $results.Count | Should -Be 6
        @($fault.For('paced@test.local')).Count | Should -Be 6
        @($fault.For('paced@test.local') | ForEach-Object Connection | Select-Object -Unique).Count | Should -BeGreaterThan 1
        # 300 a minute is one slot every 200 ms shared by the connections, so the sixth message cannot
        # start before five slots have passed: a lower bound that a slow machine only makes longer.
        # (The server's arrival times are not compared: a slow sign-in on one connection can bring
        # two paced messages to the server close together.)
        $clock.Elapsed.TotalMilliseconds | Should -BeGreaterOrEqual 1000
    }

    It 'stops every connection at a configuration problem and leaves the batch queued' {
        Set-SmtpServer -IdentityStore Contoso -Port ([MessagingProvider.TestSupport.FreePort]::Next()) -ErrorAction Stop

        # The command stops at the first report of the problem, so how many of the 4 records it took
        # depends on timing; every record it took stays queued, and none was sent or failed.
        $script:taken = 0
        { 1..4 | ForEach-Object { $script:taken++; "Down-$marker-$_" } | Send-Notification -IdentityStore Contoso -Event ObjectModified -To down@test.local -MaxConnection 2 -MaxAttempts 1 -ErrorAction Stop } |
            Should -Throw

        $script:taken | Should -BeGreaterThan 0
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be $script:taken
        @(Get-NotificationHistory -IdentityStore Contoso -State Sent, Failed | Where-Object Object -like "Down-$marker-*").Count | Should -Be 0
    }

    It 'rejects <Value> connections' -TestCases @(@{ Value = 0 }, @{ Value = 17 }) {
        { Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Bad-$marker" -To bad@test.local -MaxConnection $Value -ErrorAction Stop } |
            Should -Throw -ErrorId 'ParameterArgumentValidationError,MessagingProvider.Commands.SendNotificationCommand'
        $fault.Connections | Should -Be 0
    }
}

# Send-QueuedNotification: what is due in the outbox goes out with Send-Notification's rules; a
# sender killed at any instant loses nothing; two senders on one store never send a message twice.
BeforeAll {
    . "$PSScriptRoot/NotificationOutbox.common.ps1"
}

Describe 'Send-QueuedNotification' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'sends only what is due, and everything with -Force' {
        Add-QueuedTestNotification $fault 3 "Due-$marker-"

        $due = @(Send-QueuedNotification -IdentityStore Contoso -ErrorVariable err)
        $all = @(Send-QueuedNotification -IdentityStore Contoso -Force -ErrorVariable err2)

        $err.Count + $err2.Count | Should -Be 0
        $due.Count | Should -Be 0 -Because 'the deferred messages are due only after their back-off'
        $all.Count | Should -Be 3
        @($all | ForEach-Object { "$($_.Status)" } | Select-Object -Unique) | Should -Be @('Sent')
        @($all | ForEach-Object Object) | Should -Be @("Due-$marker-1", "Due-$marker-2", "Due-$marker-3")
        (Get-DeliveryCount $fault 'batch@test.local').Values | Should -Be @(1, 1, 1)
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
        @(Get-NotificationHistory -IdentityStore Contoso -State Sent).Count | Should -Be 3
    }

    It 'sends the queue over -MaxConnection connections, every message once' {
        Add-QueuedTestNotification $fault 10 "Many-$marker-"
        $before = $fault.Connections

        $all = @(Send-QueuedNotification -IdentityStore Contoso -Force -MaxConnection 2 -ErrorVariable err)

        $err.Count | Should -Be 0
        $all.Count | Should -Be 10
        @($all | ForEach-Object { "$($_.Status)" } | Select-Object -Unique) | Should -Be @('Sent')
        @($all | ForEach-Object Object | Sort-Object) | Should -Be @(1..10 | ForEach-Object { "Many-$marker-$_" } | Sort-Object)
        $fault.Connections - $before | Should -Be 2
        (Get-DeliveryCount $fault 'batch@test.local').Values | Should -Be @(1, 1, 1, 1, 1, 1, 1, 1, 1, 1)
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
    }

    It 'changes nothing with -WhatIf' {
        Add-QueuedTestNotification $fault 1 "WhatIf-$marker-"

        $result = @(Send-QueuedNotification -IdentityStore Contoso -Force -WhatIf)

        $result.Count | Should -Be 0
        $fault.Connections | Should -Be 0
        @(Get-QueuedNotification -IdentityStore Contoso -State Deferred).Count | Should -Be 1
    }

    It 'is sent first by the next Send-Notification of the store' {
        Add-QueuedTestNotification $fault 2 "Backlog-$marker-" -RetryDelay '00:00:00.01'
        Set-NotificationDelivery -IdentityStore Contoso -MaxAttempts 3 -ErrorAction Stop
        # Make them due now: they were deferred by a back-off of a few milliseconds.
        Start-Sleep -Milliseconds 100

        $results = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "New-$marker" -To batch@test.local -ErrorVariable err)

        $err.Count | Should -Be 0
        @($results | ForEach-Object Object) | Should -Be @("Backlog-$marker-1", "Backlog-$marker-2", "New-$marker")
        @($results | ForEach-Object { "$($_.Status)" } | Select-Object -Unique) | Should -Be @('Sent')
    }

    It 'loses nothing when the sender is killed (kill -9) at random moments, and sends only Uncertain messages twice' {
        Add-QueuedTestNotification $fault 1000 "Kill-$marker-"
        $random = [System.Random]::new()
        foreach ($round in 1..5) {
            Stop-OutboxProcessMidBatch $fault "Send-QueuedNotification -IdentityStore Contoso -Force -RetryDelay 00:00:00.05 -ErrorAction SilentlyContinue | Out-Null" $random |
                Should -BeTrue -Because 'the kill must interrupt the batch'
        }
        $sentBeforeLastRun = $fault.Accepted.Count

        $last = Wait-OutboxProcess (Start-OutboxProcess "Send-QueuedNotification -IdentityStore Contoso -Force -RetryDelay 00:00:00.05 | Out-Null")

        $last.Errors | Should -BeNullOrEmpty
        $sentBeforeLastRun | Should -BeLessThan 1000 -Because 'the kills must interrupt the batch for this test to mean anything'
        $counts = Get-DeliveryCount $fault 'batch@test.local'
        $counts.Count | Should -Be 1000 -Because 'every message reaches the server'
        $history = @(Get-NotificationHistory -IdentityStore Contoso -State Sent)
        $history.Count | Should -Be 1000
        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 0
        (Assert-OnlyFlaggedDuplicate $counts $history).Flagged | Should -BeLessOrEqual 5 -Because 'at most the message in flight at each kill'
    }

    It 'never sends a message twice when two processes send from the same store at once' {
        Add-QueuedTestNotification $fault 400 "Two-$marker-"

        $first = Start-OutboxProcess "Send-QueuedNotification -IdentityStore Contoso -Force | Measure-Object | ForEach-Object Count"
        $second = Start-OutboxProcess "Send-QueuedNotification -IdentityStore Contoso -Force | Measure-Object | ForEach-Object Count"
        $a = Wait-OutboxProcess $first
        $b = Wait-OutboxProcess $second

        $a.Errors + $b.Errors | Should -BeNullOrEmpty
        [int]$a.Output.Trim() + [int]$b.Output.Trim() | Should -Be 400
        $counts = Get-DeliveryCount $fault 'batch@test.local'
        $counts.Count | Should -Be 400
        @($counts.Values | Where-Object { $_ -ne 1 }).Count | Should -Be 0
    }
}

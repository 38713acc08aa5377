# Get-NotificationHistory: sent and failed messages with the server's reply and queue id, pruned by retention.
BeforeAll {
    . "$PSScriptRoot/NotificationOutbox.common.ps1"
}

Describe 'Get-NotificationHistory' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'keeps the server reply and queue id of sent messages and the reply of refused ones' {
        $fault.ReplyToRcpt('bad@test.local', '550 5.1.1 User unknown', 1)
        $sent = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Good-$marker" -To good@test.local
        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Bad-$marker" -To bad@test.local -ErrorAction SilentlyContinue

        $history = @(Get-NotificationHistory -IdentityStore Contoso)
        $failed = @(Get-NotificationHistory -IdentityStore Contoso -State Failed)
        $one = @($sent | Get-NotificationHistory)

        $history.Count | Should -Be 2
        "$($history[0].State)" | Should -Be 'Sent'
        $history[0].QueueId | Should -BeExactly $fault.For('good@test.local')[0].QueueId
        $history[0].LastReply | Should -BeExactly "250 2.0.0 Ok: queued as $($history[0].QueueId)"
        $history[0].Completed | Should -Not -BeNullOrEmpty
        $failed.Count | Should -Be 1
        $failed[0].LastReply | Should -BeLike '550 5.1.1*'
        $failed[0].ErrorId | Should -Be 'SmtpRecipientRejected'
        $one.Count | Should -Be 1
        $one[0].MessageId | Should -Be $sent.MessageId
    }

    It 'prunes history older than the retention when the store sends' {
        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Old-$marker" -To old@test.local
        # Age the entry by 40 days directly in the database, as a month of calendar would.
        $db = [System.IO.Path]::Combine($env:MESSAGINGPROVIDER_CONFIG_PATH, 'outbox', 'contoso.db')
        Test-Path $db | Should -BeTrue
        $aged = Invoke-OutboxSql $db "UPDATE message SET completed = completed - $(40 * 86400000), created = created - $(40 * 86400000)"
        $aged | Should -Be 1

        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "New-$marker" -To new@test.local

        @(Get-NotificationHistory -IdentityStore Contoso | ForEach-Object Object) | Should -Be @("New-$marker")
    }

    It 'keeps history for the store''s retention' {
        Set-NotificationDelivery -IdentityStore Contoso -HistoryRetentionDays 60 -ErrorAction Stop
        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Kept-$marker" -To kept@test.local
        $db = [System.IO.Path]::Combine($env:MESSAGINGPROVIDER_CONFIG_PATH, 'outbox', 'contoso.db')
        $null = Invoke-OutboxSql $db "UPDATE message SET completed = completed - $(40 * 86400000)"

        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Later-$marker" -To kept@test.local

        @(Get-NotificationHistory -IdentityStore Contoso).Count | Should -Be 2
    }
}

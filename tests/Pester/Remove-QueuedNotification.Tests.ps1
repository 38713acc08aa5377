# Remove-QueuedNotification: waiting entries are removed (pipeline, -WhatIf), history and unknown ids are refused.
BeforeAll {
    . "$PSScriptRoot/NotificationOutbox.common.ps1"
}

Describe 'Remove-QueuedNotification' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
        Add-QueuedTestNotification $fault 2 "Remove-$marker-"
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'removes entries piped from Get-QueuedNotification, which are then never sent' {
        Get-QueuedNotification -IdentityStore Contoso | Where-Object Object -eq "Remove-$marker-1" | Remove-QueuedNotification -Confirm:$false -ErrorVariable err

        $err.Count | Should -Be 0
        @(Get-QueuedNotification -IdentityStore Contoso | ForEach-Object Object) | Should -Be @("Remove-$marker-2")
        $sent = @(Send-QueuedNotification -IdentityStore Contoso -Force)
        @($sent | ForEach-Object Object) | Should -Be @("Remove-$marker-2")
        $fault.Accepted.Count | Should -Be 1
    }

    It 'removes nothing with -WhatIf' {
        Get-QueuedNotification -IdentityStore Contoso | Remove-QueuedNotification -WhatIf

        @(Get-QueuedNotification -IdentityStore Contoso).Count | Should -Be 2
    }

    It 'refuses an id that is not waiting: unknown, or history' {
        $null = Send-QueuedNotification -IdentityStore Contoso -Force
        $sentId = (Get-NotificationHistory -IdentityStore Contoso)[0].Id

        Remove-QueuedNotification -IdentityStore Contoso -Id 99999 -Confirm:$false -ErrorVariable unknown -ErrorAction SilentlyContinue
        Remove-QueuedNotification -IdentityStore Contoso -Id $sentId -Confirm:$false -ErrorVariable history -ErrorAction SilentlyContinue

        Assert-SingleError $unknown 'QueuedNotificationNotFound,MessagingProvider.Commands.RemoveQueuedNotificationCommand' 'ObjectNotFound'
        Assert-SingleError $history 'QueuedNotificationNotFound,MessagingProvider.Commands.RemoveQueuedNotificationCommand' 'ObjectNotFound'
        $history[0].Exception.Message | Should -BeLike '*Sent*'
        @(Get-NotificationHistory -IdentityStore Contoso).Count | Should -Be 2
    }
}

# Get-QueuedNotification: the waiting entries of a store's outbox, filtered by state and age.
BeforeAll {
    . "$PSScriptRoot/NotificationOutbox.common.ps1"
}

Describe 'Get-QueuedNotification' -Tag StandIns {
    BeforeEach {
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-OutboxTestStore $fault
        $marker = [guid]::NewGuid().ToString('N').Substring(0, 8)
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'lists waiting entries oldest first with what an administrator needs' {
        Add-QueuedTestNotification $fault 2 "Wait-$marker-" 'tina@test.local'

        $queued = @(Get-QueuedNotification -IdentityStore Contoso)

        $queued.Count | Should -Be 2
        $queued[0].GetType().FullName | Should -Be 'MessagingProvider.Output.QueuedNotification'
        @($queued | ForEach-Object Subject) | Should -Be @("Wait-$marker-1 was modified", "Wait-$marker-2 was modified")
        "$($queued[0].State)" | Should -Be 'Deferred'
        $queued[0].Recipients | Should -Be @('tina@test.local')
        $queued[0].ErrorId | Should -Be 'SmtpConnectionRefused'
        $queued[0].NextAttempt | Should -BeGreaterThan (Get-Date)
        $queued[0].MessageId | Should -Not -BeNullOrEmpty
        $queued[0].Id | Should -BeLessThan $queued[1].Id
    }

    It 'filters by state and age' {
        Add-QueuedTestNotification $fault 1 "Age-$marker-"

        @(Get-QueuedNotification -IdentityStore Contoso -State Pending).Count | Should -Be 0
        @(Get-QueuedNotification -IdentityStore Contoso -State Deferred).Count | Should -Be 1
        @(Get-QueuedNotification -IdentityStore Contoso -OlderThan '01:00:00').Count | Should -Be 0
        @(Get-QueuedNotification -IdentityStore Contoso -OlderThan '00:00:00').Count | Should -Be 1
    }

    It 'takes the store from the pipeline and refuses an unknown store' {
        Add-QueuedTestNotification $fault 1 "Pipe-$marker-"

        $fromPipeline = @(Get-IdentityStore -Name Contoso | Get-QueuedNotification)
        $unknown = @(Get-QueuedNotification -IdentityStore Nowhere -ErrorVariable err -ErrorAction SilentlyContinue)

        $fromPipeline.Count | Should -Be 1
        $unknown.Count | Should -Be 0
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.GetQueuedNotificationCommand' 'ObjectNotFound'
    }

    It 'shows a format view with the state and the last reply' {
        Add-QueuedTestNotification $fault 1 "View-$marker-"

        $text = Get-QueuedNotification -IdentityStore Contoso | Out-String -Width 200

        $text | Should -BeLike '*Deferred*'
        $text | Should -BeLike "*View-$marker-1 was modified*"
        $text | Should -BeLike '*LastReply*'
    }
}

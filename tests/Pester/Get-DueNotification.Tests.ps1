BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Get-DueNotification' {
    BeforeEach {
        Initialize-SmtpTest
        $marker = [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        New-ContosoWithSmtp $server
    }
    AfterEach { Clear-SmtpTest }

    It 'skips life-cycle events the policy turns off' {
        $result = Send-Notification -IdentityStore Contoso -Event MembershipAdded -InputObject "Off-$marker" -Member rupert@test.local
        $result.Status | Should -Be 'Skipped'
        $result.Reason | Should -Match 'life-cycle'
    }

    It 'emits only the due notifications, ready for Send-Notification' {
        Set-NotificationPolicy -IdentityStore Contoso -MembershipDaysBeforeLeave 2
        $today = [datetime]'2026-03-10'
        $sent = @(
            [pscustomobject]@{ Group = @{ Name = "Due-$marker" }; Member = 'rupert@test.local'; EndDate = $today.AddDays(2) },
            [pscustomobject]@{ Group = @{ Name = "NotDue-$marker" }; Member = 'sybil@test.local'; EndDate = $today.AddDays(3) }
        ) | Get-DueNotification -IdentityStore Contoso -Date $today | Send-Notification
        @($sent).Count | Should -Be 1
        $sent.Event | Should -Be 'MembershipExpiring'
        $delivered = $server.Mail.WaitFor('rupert@test.local', "Due-$marker", 1, $null)
        $delivered[0].Subject | Should -Be "Your membership of Due-$marker ends in 2 day(s)"
    }
}

BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Get-DueNotification' -Tag LinuxOnly {
    BeforeEach {
        Initialize-SmtpTest
        $marker = [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        New-ContosoWithSmtp $server
    }
    AfterEach { Clear-SmtpTest }

    It 'emits only the due notifications, ready for Send-Notification' {
        Set-NotificationPolicy -IdentityStore Contoso -MembershipDaysBeforeLeave 2 -ErrorAction Stop
        $today = [datetime]'2026-03-10'

        $sent = @(@(
                [pscustomobject]@{ Group = @{ Name = "Due-$marker" }; Member = 'rupert@test.local'; EndDate = $today.AddDays(2) },
                [pscustomobject]@{ Group = @{ Name = "NotDue-$marker" }; Member = 'sybil@test.local'; EndDate = $today.AddDays(3) }
            ) | Get-DueNotification -IdentityStore Contoso -Date $today -ErrorVariable dueErr | Send-Notification -ErrorVariable sendErr)

        $dueErr.Count | Should -Be 0
        $sendErr.Count | Should -Be 0
        $sent.Count | Should -Be 1
        $sent[0].Event | Should -BeExactly 'MembershipExpiring'
        , $sent[0].To | Should -BeExactly @('rupert@test.local')
        $delivered = Wait-Mail $server 'rupert@test.local' "Due-$marker"
        $delivered.Count | Should -Be 1
        $delivered[0].Subject | Should -BeExactly "Your membership of Due-$marker ends in 2 day(s)"
        $delivered[0].TextBody | Should -BeLikeExactly '*on 2026-03-12*'
    }
}

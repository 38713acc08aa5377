BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Send-Notification' {
    BeforeEach {
        Initialize-SmtpTest
        $proxy = [MessagingProvider.TestSupport.SmtpFaultProxy]::new($server.PlainPort)
        $marker = [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        New-IdentityStore -Name Contoso | Out-Null
        Set-SmtpServer -IdentityStore Contoso -Server 127.0.0.1 -Port $proxy.Port -From $sender -Security None -Authentication Basic -Credential (New-TestCredential $sender $server.SenderPassword)
        Set-NotificationPolicy -IdentityStore Contoso -NotifyModifiedObject -NotifyGroupOwners -NotifyAddedMembers -NotifyPublicGroupOwners
    }
    AfterEach { $proxy.Dispose(); Clear-SmtpTest }

    It 'sends a pipeline of directory objects through one connection with de-duplicated recipients' {
        $groups = @(
            [pscustomobject]@{ Name = "Sales-$marker"; ObjectClass = 'group'; Mail = 'sales@test.local'
                               Members = @([pscustomobject]@{ Name = 'Alice'; Mail = 'alice@test.local' }, [pscustomobject]@{ Name = 'No Mail' }, 'CN=Someone,DC=contoso,DC=com')
                               ManagedBy = [pscustomobject]@{ Name = 'Bob'; Mail = 'BOB@test.local' } },
            @{ Name = "Support-$marker"; ObjectClass = 'group'; Members = @('carol@test.local', 'bob@test.local'); Owners = @('bob@test.local') },
            [pscustomobject]@{ Name = "Outer-$marker"; ObjectClass = 'group'; Members = @([pscustomobject]@{ Name = 'Nested'; ObjectClass = 'group'; Members = @('dave@test.local') }) }
        )
        $results = $groups | Send-Notification -IdentityStore Contoso -Event ObjectModified -ChangedBy 'erin@test.local' -Cc 'erin@test.local'
        $results.Status | Should -Be @('Sent', 'Sent', 'Sent')
        $results.Transport | Should -Be @('Smtp', 'Smtp', 'Smtp')
        $proxy.Connections | Should -Be 1
        $results[0].To | Should -Be @('alice@test.local', 'BOB@test.local')
        $results[0].SkippedRecipients.Count | Should -Be 2
        $results[1].Cc | Should -Be @('erin@test.local')
        $results[2].To | Should -BeNullOrEmpty
        $delivered = $server.Mail.WaitFor('bob@test.local', "Sales-$marker", 1, $null)
        $delivered[0].Subject | Should -Be "Sales-$marker was modified"
        $delivered[0].Headers['X-MessagingProvider-Event'] | Should -Be 'ObjectModified'
    }

    It 're-establishes a connection dropped mid-DATA and sends the message once' {
        $proxy.DropDuringData('ivan@test.local', 1)
        $results = "First-$marker", "Second-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To ivan@test.local
        $results.Attempts | Should -Be @(2, 1)
        $proxy.Connections | Should -Be 2
        $server.Mail.WaitFor('ivan@test.local', "First-$marker", 1, $null).Count | Should -Be 1
    }

    It 'retries 4xx replies with back-off on the same connection' {
        $proxy.TempFail('judy@test.local', 2)
        $result = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Flaky-$marker" -To judy@test.local -RetryDelay '00:00:00.05'
        $result.Status | Should -Be 'Sent'
        $result.Attempts | Should -Be 3
        $proxy.Connections | Should -Be 1
    }

    It 'does not retry 5xx replies and goes on with the pipeline' {
        $rejected = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Rejected-$marker" -To rejected@test.local -ErrorVariable err -ErrorAction SilentlyContinue
        $fine = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Fine-$marker" -To mallory@test.local
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpRecipientRejected,MessagingProvider.Commands.SendNotificationCommand'
        $rejected.Status | Should -Be 'Failed'
        $rejected.Attempts | Should -Be 1
        $fine.Status | Should -Be 'Sent'
    }

    It 'fails after -MaxAttempts when the server keeps deferring' {
        $result = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Deferred-$marker" -To deferred@test.local -MaxAttempts 3 -RetryDelay '00:00:00.02' -ErrorVariable err -ErrorAction SilentlyContinue
        $result.Status | Should -Be 'Failed'
        $result.Attempts | Should -Be 3
        $err[0].Exception.Message | Should -Match '450 4\.2\.1'
        $proxy.Connections | Should -Be 1
    }

    It 'stops the pipeline once when the connection cannot be authenticated' {
        Set-SmtpServer -IdentityStore Contoso -Authentication Basic -Credential (New-TestCredential $sender 'wrong-password')
        { "A-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To walter@test.local -ErrorAction Stop } |
            Should -Throw -ErrorId 'SmtpAuthenticationFailed,MessagingProvider.Commands.SendNotificationCommand'
        $proxy.Connections | Should -Be 1
    }

    It 'sends nothing and connects nowhere with -WhatIf' {
        $result = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "WhatIf-$marker" -To niaj@test.local -WhatIf
        $result.Status | Should -Be 'Skipped'
        $result.Reason | Should -Be '-WhatIf'
        $proxy.Connections | Should -Be 0
    }

    It 'notifies the new member and the owners of a public group' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners:$false
        $result = Send-Notification -IdentityStore Contoso -Event MemberAdded -InputObject @{ Name = "Public-$marker"; ObjectClass = 'group'; GroupSecurity = 'Public'; Owners = 'olivia@test.local' } -Member @{ Name = 'Peggy'; Mail = 'peggy@test.local' }
        $result.To | Should -Be @('peggy@test.local', 'olivia@test.local')
    }

    It 'uses a custom template for its event' {
        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Subject '[{IdentityStore}] {Object} changed' -Body 'Changed by {ChangedBy}. Event {Event}.'
        Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Custom-$marker" -To trent@test.local -ChangedBy victor@test.local | Out-Null
        $delivered = $server.Mail.WaitFor('trent@test.local', "Custom-$marker", 1, $null)
        $delivered[0].Subject | Should -Be "[Contoso] Custom-$marker changed"
    }
}

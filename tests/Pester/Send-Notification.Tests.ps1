# Send-Notification through the scripted fault proxy in front of the real Postfix, so that
# connections can be counted and drops and 4xx replies injected; mail is read back over IMAP.
BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Send-Notification' -Tag LinuxOnly {
    BeforeEach {
        Initialize-SmtpTest
        $proxy = [MessagingProvider.TestSupport.SmtpFaultProxy]::new($server.PlainPort)
        $marker = [MessagingProvider.TestSupport.MailServerFixture]::NewMarker()
        New-IdentityStore -Name Contoso | Out-Null
        Set-SmtpServer -IdentityStore Contoso -Server 127.0.0.1 -Port $proxy.Port -From $sender -Security None -Authentication Basic `
            -Credential (New-TestCredential $sender $server.SenderPassword) -ErrorAction Stop
        Set-NotificationPolicy -IdentityStore Contoso -NotifyModifiedObject -NotifyGroupOwners -NotifyAddedMembers -NotifyPublicGroupOwners -ErrorAction Stop
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

        $results = @($groups | Send-Notification -IdentityStore Contoso -Event ObjectModified -ChangedBy 'erin@test.local' -Cc 'erin@test.local' -ErrorVariable err)

        $err.Count | Should -Be 0
        $results.Count | Should -Be 3
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent', 'Sent')
        @($results | ForEach-Object Attempts) | Should -Be @(1, 1, 1)
        @($results | ForEach-Object { "$($_.Transport)" }) | Should -Be @('Smtp', 'Smtp', 'Smtp')
        $proxy.Connections | Should -Be 1
        # Role-based recipients (members, owners) are blind copies: they never see each other.
        $results[0].To.Count | Should -Be 0
        $results[0].Bcc | Should -BeExactly @('alice@test.local', 'BOB@test.local')
        $results[0].SkippedRecipients | Should -BeExactly @(
            "No Mail (member of Sales-$marker): no mail address",
            "CN=Someone,DC=contoso,DC=com (member of Sales-$marker): no mail address")
        $results[1].Bcc | Should -BeExactly @('carol@test.local', 'bob@test.local')
        , $results[1].Cc | Should -BeExactly @('erin@test.local')
        # Groups are expanded one level only: the nested group itself has no mail.
        $results[2].Bcc.Count | Should -Be 0

        $delivered = Wait-Mail $server 'bob@test.local' "Sales-$marker"
        $delivered.Count | Should -Be 1
        $delivered[0].Subject | Should -BeExactly "Sales-$marker was modified"
        $delivered[0].Headers['X-MessagingProvider-Event'] | Should -BeExactly 'ObjectModified'
        , (Get-MailAddress $delivered[0].To) | Should -BeExactly @()
        $delivered[0].To.ToString() | Should -BeLikeExactly 'undisclosed-recipients:*;'
        , (Get-MailAddress $delivered[0].Cc) | Should -BeExactly @('erin@test.local')
        $delivered[0].TextBody | Should -BeLikeExactly '*modified by erin@test.local*'
        (Wait-Mail $server 'carol@test.local' "Support-$marker").Count | Should -Be 1
    }

    It 're-establishes a connection dropped mid-DATA and sends the message once' {
        $proxy.DropDuringData('ivan@test.local', 1)

        $records = "First-$marker", "Second-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To ivan@test.local -Verbose -ErrorVariable err 4>&1
        $results = (Split-VerboseOutput $records).Output

        $err.Count | Should -Be 0
        @($results | ForEach-Object Attempts) | Should -Be @(2, 1)
        @($results | ForEach-Object { "$($_.Status)" }) | Should -Be @('Sent', 'Sent')
        $proxy.Connections | Should -Be 2
        (Split-VerboseOutput $records).Verbose | Where-Object { $_.Contains('connection was lost') } | Should -Not -BeNullOrEmpty
        (Wait-Mail $server 'ivan@test.local' "First-$marker").Count | Should -Be 1
        (Wait-Mail $server 'ivan@test.local' "Second-$marker").Count | Should -Be 1
    }

    It 'retries 4xx replies with back-off on the same connection' {
        $proxy.TempFail('judy@test.local', 2)

        $records = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Flaky-$marker" -To judy@test.local -RetryDelay '00:00:00.05' -Verbose -ErrorVariable err 4>&1
        $result = (Split-VerboseOutput $records).Output

        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        "$($result[0].Status)" | Should -Be 'Sent'
        $result[0].Attempts | Should -Be 3
        $proxy.Connections | Should -Be 1
        @((Split-VerboseOutput $records).Verbose | Where-Object { $_.StartsWith('Temporary failure (451', [System.StringComparison]::Ordinal) }).Count | Should -Be 2
        (Wait-Mail $server 'judy@test.local' "Flaky-$marker").Count | Should -Be 1
    }

    It 'does not retry 5xx replies and goes on with the pipeline' {
        $rejected = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Rejected-$marker" -To rejected@test.local -RetryDelay '00:00:00.05' `
                -ErrorVariable err -ErrorAction SilentlyContinue)
        $fine = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Fine-$marker" -To mallory@test.local -ErrorVariable fineErr)

        $err.Count | Should -Be 1
        $fineErr.Count | Should -Be 0
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpRecipientRejected,MessagingProvider.Commands.SendNotificationCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*550 5.1.1*'
        $rejected.Count | Should -Be 1
        "$($rejected[0].Status)" | Should -Be 'Failed'
        $rejected[0].Attempts | Should -Be 1
        $fine.Count | Should -Be 1
        "$($fine[0].Status)" | Should -Be 'Sent'
        (Wait-Mail $server 'mallory@test.local' "Fine-$marker").Count | Should -Be 1
    }

    It 'leaves the message Deferred in the outbox after -MaxAttempts when the server keeps deferring' {
        $result = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Deferred-$marker" -To deferred@test.local -MaxAttempts 3 -RetryDelay '00:00:00.02' `
                -ErrorVariable err -ErrorAction SilentlyContinue)

        $result.Count | Should -Be 1
        "$($result[0].Status)" | Should -Be 'Deferred'
        $result[0].Attempts | Should -Be 3
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationDeferred,MessagingProvider.Commands.SendNotificationCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*450 4.2.1*'
        $err[0].Exception.Message | Should -BeLikeExactly '*temporary*'
        $err[0].Exception.InnerException.ErrorId | Should -Be 'SmtpRecipientRejected'
        # Kept for the next run.
        (Get-QueuedNotification -IdentityStore Contoso -State Deferred).Subject | Should -BeExactly "Deferred-$marker was modified"
        $proxy.Connections | Should -Be 1
    }

    It 'stops the pipeline once when the connection cannot be authenticated' {
        Set-SmtpServer -IdentityStore Contoso -Authentication Basic -Credential (New-TestCredential $sender 'wrong-password') -ErrorAction Stop

        $results = $null
        $stopped = $null
        try {
            $results = "A-$marker", "B-$marker" | Send-Notification -IdentityStore Contoso -Event ObjectModified -To walter@test.local -Verbose -ErrorVariable err 4>$null
        }
        catch { $stopped = $_ }

        $results | Should -BeNullOrEmpty
        # One terminating error for the whole pipeline (-ErrorVariable holds it as the exception carrying the record).
        $err.Count | Should -Be 1
        $stopped | Should -Not -BeNullOrEmpty -Because 'the pipeline stops'
        $stopped.FullyQualifiedErrorId | Should -Be 'SmtpAuthenticationFailed,MessagingProvider.Commands.SendNotificationCommand'
        $stopped.CategoryInfo.Category | Should -Be 'AuthenticationError'
        $stopped.Exception.Message | Should -BeLikeExactly '*535*'
        $err[0].ErrorRecord.FullyQualifiedErrorId | Should -Be $stopped.FullyQualifiedErrorId
        $proxy.Connections | Should -Be 1
    }

    It 'sends nothing and connects nowhere with -WhatIf' {
        $result = @(Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "WhatIf-$marker" -To niaj@test.local -WhatIf -ErrorVariable err)

        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        "$($result[0].Status)" | Should -Be 'Skipped'
        $result[0].Reason | Should -BeExactly '-WhatIf'
        , $result[0].To | Should -BeExactly @('niaj@test.local')
        # What -WhatIf names: the template and language each recipient would get.
        , $result[0].Templates | Should -BeExactly @('built-in en-US: niaj@test.local')
        $proxy.Connections | Should -Be 0
        $server.Mail.Find('niaj@test.local', "WhatIf-$marker").Count | Should -Be 0
    }

    It 'notifies the new member and the owners of a public group' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners:$false -ErrorAction Stop

        $result = @(Send-Notification -IdentityStore Contoso -Event MemberAdded -InputObject @{ Name = "Public-$marker"; ObjectClass = 'group'; GroupSecurity = 'Public'; Owners = 'olivia@test.local' } `
                -Member @{ Name = 'Peggy'; Mail = 'peggy@test.local' } -ErrorVariable err)

        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        $result[0].Bcc | Should -BeExactly @('peggy@test.local', 'olivia@test.local')
        $delivered = Wait-Mail $server 'olivia@test.local' "Public-$marker"
        $delivered.Count | Should -Be 1
        $delivered[0].Subject | Should -BeExactly "Peggy added to Public-$marker"
    }

    It 'skips life-cycle events the policy turns off' {
        $result = @(Send-Notification -IdentityStore Contoso -Event MembershipAdded -InputObject "Off-$marker" -Member rupert@test.local -ErrorVariable err)

        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        "$($result[0].Status)" | Should -Be 'Skipped'
        $result[0].Reason | Should -BeLikeExactly '*life-cycle*'
    }

    It 'uses a custom template for its event' {
        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Subject '[{IdentityStore}] {Object} changed' -Body 'Changed by {ChangedBy}. Event {Event}.' -ErrorAction Stop

        $null = Send-Notification -IdentityStore Contoso -Event ObjectModified -InputObject "Custom-$marker" -To trent@test.local -ChangedBy victor@test.local -ErrorVariable err

        $err.Count | Should -Be 0
        $delivered = Wait-Mail $server 'trent@test.local' "Custom-$marker"
        $delivered.Count | Should -Be 1
        $delivered[0].Subject | Should -BeExactly "[Contoso] Custom-$marker changed"
        $delivered[0].TextBody.Trim() | Should -BeExactly 'Changed by victor@test.local. Event ObjectModified.'
    }

    It 'sends each recipient a multipart/alternative message in their language, UTF-8 intact over IMAP' {
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE -Subject 'Grüße: {{ member }} ist jetzt in {{ object }}' `
            -HtmlBody '<p>Hallo, <strong>{{ member.givenName }}</strong> aus {{ member.department }}.</p>' -ErrorAction Stop
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture ja-JP -Subject '日本語: {{ object }} のお知らせ' `
            -HtmlBody '<p>{{ object }} に追加されました。</p>' -TextBody '{{ object }} に追加されました。' -ErrorAction Stop
        Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners:$false -NotifyPublicGroupOwners:$false -NotifyModifiedObject:$false -ErrorAction Stop
        $members = @(
            [pscustomobject]@{ DisplayName = 'Jürgen'; GivenName = 'Jürgen'; Department = 'Vertrieb & Service'; Mail = 'walter@test.local'; preferredLanguage = 'de-DE' },
            [pscustomobject]@{ DisplayName = '佐藤'; Mail = 'sybil@test.local'; msExchUserCulture = 'ja-JP' })

        $result = @(Send-Notification -IdentityStore Contoso -Event MemberAdded -InputObject "Lang-$marker" -Member $members -ErrorVariable err)

        $err.Count | Should -Be 0
        "$($result[0].Status)" | Should -Be 'Sent'
        $result[0].Templates | Should -BeExactly @('custom de-DE: walter@test.local', 'custom ja-JP: sybil@test.local')
        $german = Wait-Mail $server 'walter@test.local' "Lang-$marker"
        $german.Count | Should -Be 1
        $german[0].Subject | Should -BeExactly "Grüße: Jürgen ist jetzt in Lang-$marker"
        ($german[0].Body -is [MimeKit.MultipartAlternative]) | Should -BeTrue
        @($german[0].Body | ForEach-Object { $_.ContentType.MimeType }) | Should -BeExactly @('text/plain', 'text/html')
        @($german[0].Body | ForEach-Object { $_.ContentType.Charset }) | Should -BeExactly @('utf-8', 'utf-8')
        $german[0].TextBody.Trim() | Should -BeExactly 'Hallo, Jürgen aus Vertrieb & Service.'
        $german[0].HtmlBody | Should -BeLikeExactly '*<strong>Jürgen</strong> aus Vertrieb &amp; Service*'
        $german[0].Headers['X-MessagingProvider-Event'] | Should -BeExactly 'MemberAdded'
        $japanese = Wait-Mail $server 'sybil@test.local' "Lang-$marker"
        $japanese.Count | Should -Be 1
        $japanese[0].Subject | Should -BeExactly "日本語: Lang-$marker のお知らせ"
        $japanese[0].TextBody.Trim() | Should -BeExactly "Lang-$marker に追加されました。"
        $japanese[0].HtmlBody | Should -BeLikeExactly "*Lang-$marker に追加されました。*"
    }
}

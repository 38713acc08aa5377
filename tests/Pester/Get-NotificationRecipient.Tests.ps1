BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Get-NotificationRecipient' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'lists To then Cc recipients, or one kind' {
        Add-NotificationRecipient -IdentityStore Contoso -To a@contoso.com -Cc c@contoso.com
        (Get-NotificationRecipient -IdentityStore Contoso) | ForEach-Object { "$($_.Kind):$($_.Address)" } | Should -Be @('To:a@contoso.com', 'Cc:c@contoso.com')
        (Get-NotificationRecipient -IdentityStore Contoso -Kind Cc).Address | Should -Be 'c@contoso.com'
    }
}

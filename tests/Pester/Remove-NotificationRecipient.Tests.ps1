BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Remove-NotificationRecipient' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'removes addresses case-insensitively and reports the ones that were not there' {
        Add-NotificationRecipient -IdentityStore Contoso -To 'a@contoso.com;b@contoso.com' -Cc c@contoso.com
        Remove-NotificationRecipient -IdentityStore Contoso -To 'A@contoso.com; nobody@contoso.com' -Cc c@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationRecipientNotFound,MessagingProvider.Commands.RemoveNotificationRecipientCommand'
        (Get-NotificationRecipient -IdentityStore Contoso -Kind To).Address | Should -Be @('b@contoso.com')
        Get-NotificationRecipient -IdentityStore Contoso -Kind Cc | Should -BeNullOrEmpty
    }
}

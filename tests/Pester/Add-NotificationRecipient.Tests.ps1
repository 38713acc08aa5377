BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Add-NotificationRecipient' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'accepts arrays and semicolon strings and ignores duplicates case-insensitively' {
        $added = Add-NotificationRecipient -IdentityStore Contoso -To 'helpdesk@contoso.com; Audit <audit@contoso.com>' -Cc @('boss@contoso.com', 'HELPDESK@contoso.com') -PassThru
        Add-NotificationRecipient -IdentityStore Contoso -To Helpdesk@Contoso.com -Cc 'it@contoso.com;'
        $added | ForEach-Object { "$($_.Kind):$($_.Address)" } | Should -Be @('To:helpdesk@contoso.com', 'To:audit@contoso.com', 'Cc:boss@contoso.com')
        (Get-NotificationRecipient -IdentityStore Contoso -Kind To).Address | Should -Be @('helpdesk@contoso.com', 'audit@contoso.com')
        (Get-NotificationRecipient -IdentityStore Contoso -Kind Cc).Address | Should -Be @('boss@contoso.com', 'it@contoso.com')
    }

    It 'rejects the whole call for one invalid address and stores nothing' {
        $before = Get-ConfigSnapshot
        { Add-NotificationRecipient -IdentityStore Contoso -To 'ok@contoso.com; not-an-address' -Cc fine@contoso.com -ErrorAction Stop } |
            Should -Throw -ErrorId 'InvalidEmailAddress,MessagingProvider.Commands.AddNotificationRecipientCommand'
        Get-ConfigSnapshot | Should -Be $before
    }

    It 'stores nothing with -WhatIf' {
        Add-NotificationRecipient -IdentityStore Contoso -To a@contoso.com -WhatIf
        Get-NotificationRecipient -IdentityStore Contoso | Should -BeNullOrEmpty
    }
}

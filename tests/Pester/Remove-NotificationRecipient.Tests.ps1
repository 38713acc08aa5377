BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-NotificationRecipient' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'removes addresses case-insensitively and reports the ones that were not there' {
        Add-NotificationRecipient -IdentityStore Contoso -To 'a@contoso.com;b@contoso.com' -Cc c@contoso.com -ErrorAction Stop
        Remove-NotificationRecipient -IdentityStore Contoso -To 'A@contoso.com; nobody@contoso.com' -Cc c@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationRecipientNotFound,MessagingProvider.Commands.RemoveNotificationRecipientCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
        $err[0].Exception.Message | Should -BeLike '*nobody@contoso.com*'
        Get-NotificationRecipient -IdentityStore Contoso -Kind To | ForEach-Object Address | Should -Be @('b@contoso.com')
        Get-NotificationRecipient -IdentityStore Contoso -Kind Cc | Should -BeNullOrEmpty
    }
}

BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Set-NotificationTemplate' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'overrides one part, rejects unknown placeholders and resets' {
        { Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject '{Grop} changed' -ErrorAction Stop } | Should -Throw -ErrorId 'NotificationTemplateInvalid,MessagingProvider.Commands.SetNotificationTemplateCommand'
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject 'New member in {Object}'
        $custom = Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded
        $custom.IsCustom | Should -BeTrue
        $custom.Subject | Should -Be 'New member in {Object}'
        $custom.Body | Should -Match '\{PortalUrl\}'
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Reset
        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded).IsCustom | Should -BeFalse
    }
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Set-NotificationTemplate' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'rejects an unknown placeholder and stores nothing' {
        $before = Get-ConfigurationSnapshot
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject '{Grop} changed' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateInvalid,MessagingProvider.Commands.SetNotificationTemplateCommand'
        $err[0].Exception.Message | Should -BeLike '*{Grop}*'
        Assert-ConfigurationUnchanged $before
        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded).IsCustom | Should -BeFalse
    }

    It 'overrides one part and keeps the built-in rest, then resets' {
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject 'New member in {Object}' -ErrorAction Stop
        $custom = Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -ErrorAction Stop
        @($custom).Count | Should -Be 1
        $custom.IsCustom | Should -BeTrue
        $custom.Subject | Should -Be 'New member in {Object}'
        $custom.Body | Should -BeLike '*{PortalUrl}*'
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Reset -ErrorAction Stop
        $reset = Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -ErrorAction Stop
        @($reset).Count | Should -Be 1
        $reset.IsCustom | Should -BeFalse
        $reset.Subject | Should -Not -Be 'New member in {Object}'
    }
}

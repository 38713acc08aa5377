BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Set-NotificationPolicy' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'stores only the options given' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners -NotifyManagers -PortalUrl https://portal.contoso.com/ -MembershipOnJoin -MembershipDaysBeforeLeave 2
        Set-NotificationPolicy -IdentityStore Contoso -NotifyManagers:$false -ManagedByOnAdd
        $policy = Get-NotificationPolicy -IdentityStore Contoso
        $policy.NotifyGroupOwners | Should -BeTrue
        $policy.NotifyManagers | Should -BeFalse
        $policy.PortalUrl | Should -Be 'https://portal.contoso.com/'
        $policy.MembershipDaysBeforeLeave | Should -Be 2
        $policy.ManagedByOnAdd | Should -BeTrue
    }

    It 'rejects an invalid portal URL or days and stores nothing' {
        $before = Get-ConfigSnapshot
        { Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners -PortalUrl 'ftp://portal' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidPortalUrl,MessagingProvider.Commands.SetNotificationPolicyCommand'
        { Set-NotificationPolicy -IdentityStore Contoso -MembershipDaysBeforeLeave -3 -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidDays,MessagingProvider.Commands.SetNotificationPolicyCommand'
        Get-ConfigSnapshot | Should -Be $before
    }

    It 'warns that managed-by options are ignored when same as membership' {
        Set-NotificationPolicy -IdentityStore Contoso -ManagedBySameAsMembership -ManagedByOnRemove -WarningVariable warn
        $warn | Should -Match 'ignored'
    }
}

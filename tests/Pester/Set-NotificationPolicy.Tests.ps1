BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Set-NotificationPolicy' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'stores only the options given' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyGroupOwners -NotifyManagers -PortalUrl https://portal.contoso.com/ -MembershipOnJoin -MembershipDaysBeforeLeave 2 -ErrorAction Stop
        Set-NotificationPolicy -IdentityStore Contoso -NotifyManagers:$false -ManagedByOnAdd -ErrorAction Stop
        $policy = Get-NotificationPolicy -IdentityStore Contoso -ErrorAction Stop
        @($policy).Count | Should -Be 1
        $policy.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.NotificationPolicyInfo'
        $policy.NotifyGroupOwners | Should -BeTrue
        $policy.NotifyManagers | Should -BeFalse
        $policy.PortalUrl | Should -Be 'https://portal.contoso.com/'
        $policy.MembershipOnJoin | Should -BeTrue
        $policy.MembershipDaysBeforeLeave | Should -Be 2
        $policy.ManagedByOnAdd | Should -BeTrue
    }

    It 'rejects <Case> and stores nothing' -ForEach @(
        @{ Case = 'a portal URL that is not http(s)'; Arguments = @{ NotifyGroupOwners = $true; PortalUrl = 'ftp://portal' }; ErrorId = 'InvalidPortalUrl' }
        @{ Case = 'negative days'; Arguments = @{ MembershipDaysBeforeLeave = -3 }; ErrorId = 'InvalidDays' }
    ) {
        $before = Get-ConfigurationSnapshot
        Set-NotificationPolicy -IdentityStore Contoso @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.SetNotificationPolicyCommand"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-ConfigurationUnchanged $before
    }

    It 'warns that managed-by options are ignored when same as membership' {
        Set-NotificationPolicy -IdentityStore Contoso -ManagedBySameAsMembership -ManagedByOnRemove -WarningVariable warn -ErrorAction Stop 3>$null
        $warn | Where-Object { $_.Message.Contains('ignored') } | Should -Not -BeNullOrEmpty
    }
}

BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationPolicy' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'returns the typed policy' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyAddedMembers -ErrorAction Stop
        $policy = Get-NotificationPolicy -IdentityStore Contoso -ErrorAction Stop
        @($policy).Count | Should -Be 1
        $policy.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.NotificationPolicyInfo'
        $policy.NotifyAddedMembers | Should -BeTrue
        $policy.NotifyRemovedMembers | Should -BeFalse
    }
}

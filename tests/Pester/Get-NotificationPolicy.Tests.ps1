BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Get-NotificationPolicy' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'returns the typed policy' {
        Set-NotificationPolicy -IdentityStore Contoso -NotifyAddedMembers
        $policy = Get-NotificationPolicy -IdentityStore Contoso
        $policy.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.NotificationPolicyInfo'
        $policy.NotifyAddedMembers | Should -BeTrue
        $policy.NotifyRemovedMembers | Should -BeFalse
    }
}

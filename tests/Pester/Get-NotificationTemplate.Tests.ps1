BeforeAll { . "$PSScriptRoot/SmtpCommon.ps1" }

Describe 'Get-NotificationTemplate' {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'shows the nine built-in templates' {
        $all = Get-NotificationTemplate -IdentityStore Contoso
        $all.Count | Should -Be 9
        $all.IsCustom | Should -Not -Contain $true
    }
}

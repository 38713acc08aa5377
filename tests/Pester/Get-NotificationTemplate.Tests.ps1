BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationTemplate' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'shows the ten built-in templates, the readiness findings among them' {
        $all = @(Get-NotificationTemplate -IdentityStore Contoso -ErrorAction Stop)
        $all.Count | Should -Be 10
        ($all | Where-Object Event -eq ReadinessFindings).Body | Should -BeLike '*{Findings}*'
        foreach ($template in $all) {
            $template.IsCustom | Should -BeOfType [bool]
            $template.IsCustom | Should -BeFalse
        }
    }
}

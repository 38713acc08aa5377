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

    It 'shows the nine built-in templates' {
        $all = @(Get-NotificationTemplate -IdentityStore Contoso -ErrorAction Stop)
        $all.Count | Should -Be 9
        foreach ($template in $all) {
            $template.IsCustom | Should -BeOfType [bool]
            $template.IsCustom | Should -BeFalse
        }
    }
}

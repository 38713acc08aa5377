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

    It 'shows the ten built-in templates with HTML and text bodies, the readiness findings among them' {
        $all = @(Get-NotificationTemplate -IdentityStore Contoso -ErrorAction Stop)
        $all.Count | Should -Be 10
        ($all | Where-Object Event -eq ReadinessFindings).TextBody | Should -BeLike '*{% for f in findings %}*'
        foreach ($template in $all) {
            $template.IsCustom | Should -BeOfType [bool]
            $template.IsCustom | Should -BeFalse
            $template.Culture | Should -BeExactly 'en-US'
            $template.HtmlBody | Should -BeLike '<!DOCTYPE html>*'
            $template.TextBody | Should -BeLike '*identity store {{ identity_store }}*'
        }
    }

    It 'lists the templates set for cultures after the one of the default language, and picks one per culture' {
        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture de-DE -Subject '{{ object }} geändert' -HtmlBody '<p>geändert</p>' -ErrorAction Stop

        $list = @(Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -ErrorAction Stop)

        @($list | ForEach-Object Culture) | Should -BeExactly @('en-US', 'de-DE')
        (Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture de-CH).Subject | Should -BeExactly '{{ object }} geändert'
        (Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture ja-JP).Culture | Should -BeExactly 'en-US'
    }
}

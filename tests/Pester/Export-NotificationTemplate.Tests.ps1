BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Export-NotificationTemplate' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('mp-export-' + [guid]::NewGuid().ToString('N'))
    }
    AfterEach {
        Remove-TestConfiguration
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'writes the ten built-in templates as subject, HTML and text files' {
        $files = @(Export-NotificationTemplate -BuiltIn -Path $folder -ErrorAction Stop)

        $files.Count | Should -Be 30
        $files[0] | Should -BeOfType [System.IO.FileInfo]
        (Get-Content -LiteralPath "$folder/en-US/MemberAdded.subject.txt" -Raw).Trim() | Should -BeExactly "{{ members | join: ', ' }} added to {{ object }}"
        Get-Content -LiteralPath "$folder/en-US/MemberAdded.html" -Raw | Should -BeLike '<!DOCTYPE html>*{% if portal_url %}*'
    }

    It 'round-trips: an exported template edited and set again from its files' {
        $null = Export-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Path $folder -ErrorAction Stop
        $html = Get-Content -LiteralPath "$folder/en-US/ObjectModified.html" -Raw
        Set-Content -LiteralPath "$folder/en-US/ObjectModified.html" -Encoding utf8 -Value ($html -replace 'was modified', 'has changed')

        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture en-US -Path "$folder/en-US/ObjectModified.*" -ErrorAction Stop

        $now = Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture en-US
        $now.IsCustom | Should -BeTrue
        $now.HtmlBody | Should -BeLike '*has changed*'
        $now.Subject | Should -BeExactly '{{ object }} was modified'
    }

    It 'does not overwrite a file without -Force' {
        $null = Export-NotificationTemplate -BuiltIn -Event ObjectModified -Path $folder -ErrorAction Stop

        Export-NotificationTemplate -BuiltIn -Event ObjectModified -Path $folder -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateInvalid,MessagingProvider.Commands.ExportNotificationTemplateCommand'
        @(Export-NotificationTemplate -BuiltIn -Event ObjectModified -Path $folder -Force -ErrorAction Stop).Count | Should -Be 3
    }
}

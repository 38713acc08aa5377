BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Set-NotificationTemplate' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        $folder = Join-Path ([System.IO.Path]::GetTempPath()) ('mp-templates-' + [guid]::NewGuid().ToString('N'))
        $null = New-Item -ItemType Directory -Path $folder
    }
    AfterEach {
        Remove-TestConfiguration
        Remove-Item -LiteralPath $folder -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'rejects an unknown placeholder and stores nothing' {
        $before = Get-ConfigurationSnapshot
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject '{Grop} changed' -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateInvalid,MessagingProvider.Commands.SetNotificationTemplateCommand'
        $err[0].Exception.Message | Should -BeLike '*{Grop}*'
        Assert-ConfigurationUnchanged $before
        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded).IsCustom | Should -BeFalse
    }

    It 'overrides one part, keeps the built-in rest, rewrites earlier placeholders as Liquid, then resets' {
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject 'New member in {Object}' -ErrorAction Stop
        $custom = Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -ErrorAction Stop
        @($custom).Count | Should -Be 1
        $custom.IsCustom | Should -BeTrue
        $custom.Culture | Should -BeExactly ''
        $custom.Subject | Should -BeExactly 'New member in {{ object }}'
        $custom.TextBody | Should -BeLike '*portal_url*'
        $custom.HtmlBody | Should -BeLike '<!DOCTYPE html>*'
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Reset -ErrorAction Stop
        $reset = Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -ErrorAction Stop
        @($reset).Count | Should -Be 1
        $reset.IsCustom | Should -BeFalse
        $reset.Subject | Should -Not -Be 'New member in {{ object }}'
    }

    It 'sets a template for one culture from files, the subject from the HTML title' {
        Set-Content -LiteralPath "$folder/MemberAdded.html" -Encoding utf8 -Value '<html><head><title>{{ member }} ist Mitglied von {{ object }}</title></head><body><p>Hallo {{ member.givenName }}</p></body></html>'
        Set-Content -LiteralPath "$folder/MemberAdded.txt" -Encoding utf8 -Value 'Hallo {{ member.givenName }}'

        $set = Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-de -Path "$folder/MemberAdded.*" -PassThru -ErrorAction Stop

        $set.Culture | Should -BeExactly 'de-DE'
        $set.Subject | Should -BeExactly '{{ member }} ist Mitglied von {{ object }}'
        $set.TextBody.Trim() | Should -BeExactly 'Hallo {{ member.givenName }}'
        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-AT).Subject | Should -BeExactly $set.Subject
        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture fr-FR).IsCustom | Should -BeFalse
    }

    It 'reports a Liquid syntax error with line and column and stores nothing' {
        $before = Get-ConfigurationSnapshot

        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -HtmlBody "<p>one</p>`n<p>{% if object %}two</p>" -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateInvalid,MessagingProvider.Commands.SetNotificationTemplateCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike '*line 2, column*'
        Assert-ConfigurationUnchanged $before
    }

    It 'warns about an unknown top-level variable and stores the template' {
        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Subject '{{ obejct }} changed' -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        @($warnings).Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*'obejct'*"
        (Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified).IsCustom | Should -BeTrue
    }

    It 'refuses a template over 256 KB' {
        $big = '<p>' + ('x' * 300KB) + '</p>'

        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -HtmlBody $big -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateTooLarge,MessagingProvider.Commands.SetNotificationTemplateCommand'
        $err[0].Exception.Message | Should -BeLike '*256 KB*'
    }

    It 'sets the default culture and refuses a name that is no culture' {
        Set-NotificationTemplate -IdentityStore Contoso -DefaultCulture de-DE -ErrorAction Stop
        (Get-NotificationTemplate -IdentityStore Contoso -Event ObjectModified).DefaultCulture | Should -BeExactly 'de-DE'

        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture 'not a culture!' -Subject x -ErrorVariable err -ErrorAction SilentlyContinue

        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidCulture,MessagingProvider.Commands.SetNotificationTemplateCommand'
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot

        Set-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Culture de-DE -Subject '{{ object }} geändert' -WhatIf

        Assert-ConfigurationUnchanged $before
    }
}

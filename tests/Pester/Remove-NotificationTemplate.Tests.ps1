BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Remove-NotificationTemplate' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE -Subject '{{ member }} ist neu in {{ object }}' -HtmlBody '<p>neu</p>' -ErrorAction Stop
        Set-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Subject 'Any: {{ object }}' -ErrorAction Stop
    }
    AfterEach { Remove-TestConfiguration }

    It 'removes the template of one culture; the others stay' {
        Remove-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE -Confirm:$false -ErrorAction Stop

        (Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE).Subject | Should -BeExactly 'Any: {{ object }}'
        @(Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded).Count | Should -Be 1
    }

    It 'removes what Get-NotificationTemplate pipes in, back to the built-in template' {
        Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded | Where-Object IsCustom | Remove-NotificationTemplate -Confirm:$false -ErrorAction Stop

        $left = @(Get-NotificationTemplate -IdentityStore Contoso -Event MemberAdded)
        $left.Count | Should -Be 1
        $left[0].IsCustom | Should -BeFalse
    }

    It 'keeps the template with -WhatIf' {
        $before = Get-ConfigurationSnapshot

        Remove-NotificationTemplate -IdentityStore Contoso -Event MemberAdded -Culture de-DE -WhatIf

        Assert-ConfigurationUnchanged $before
    }

    It 'reports a template the store does not have' {
        Remove-NotificationTemplate -IdentityStore Contoso -Event ObjectModified -Confirm:$false -ErrorVariable err -ErrorAction SilentlyContinue

        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'NotificationTemplateNotFound,MessagingProvider.Commands.RemoveNotificationTemplateCommand'
        $err[0].CategoryInfo.Category | Should -Be 'ObjectNotFound'
    }
}

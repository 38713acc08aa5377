BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Add-NotificationRecipient' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'accepts arrays and semicolon strings and ignores duplicates case-insensitively' {
        $added = Add-NotificationRecipient -IdentityStore Contoso -To 'helpdesk@contoso.com; Audit <audit@contoso.com>' -Cc @('boss@contoso.com', 'HELPDESK@contoso.com') -PassThru -ErrorAction Stop
        Add-NotificationRecipient -IdentityStore Contoso -To Helpdesk@Contoso.com -Cc 'it@contoso.com;' -ErrorAction Stop
        $added | ForEach-Object { "$($_.Kind):$($_.Address)" } | Should -Be @('To:helpdesk@contoso.com', 'To:audit@contoso.com', 'Cc:boss@contoso.com')
        Get-NotificationRecipient -IdentityStore Contoso -Kind To | ForEach-Object Address | Should -Be @('helpdesk@contoso.com', 'audit@contoso.com')
        Get-NotificationRecipient -IdentityStore Contoso -Kind Cc | ForEach-Object Address | Should -Be @('boss@contoso.com', 'it@contoso.com')
    }

    It 'rejects the whole call for one invalid address and stores nothing' {
        $before = Get-ConfigurationSnapshot
        Add-NotificationRecipient -IdentityStore Contoso -To 'ok@contoso.com; not-an-address' -Cc fine@contoso.com -ErrorVariable err -ErrorAction SilentlyContinue
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'InvalidEmailAddress,MessagingProvider.Commands.AddNotificationRecipientCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $err[0].Exception.Message | Should -BeLike "*'not-an-address'*"
        Assert-ConfigurationUnchanged $before
        Get-NotificationRecipient -IdentityStore Contoso | Should -BeNullOrEmpty
    }

    It 'stores nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Add-NotificationRecipient -IdentityStore Contoso -To a@contoso.com -WhatIf -ErrorAction Stop
        Get-NotificationRecipient -IdentityStore Contoso | Should -BeNullOrEmpty
        Assert-ConfigurationUnchanged $before
    }
}

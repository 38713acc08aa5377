BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
}

Describe 'Get-NotificationRecipient' {
    BeforeEach {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
    }
    AfterEach { Remove-TestConfiguration }

    It 'lists To then Cc recipients, or one kind' {
        Add-NotificationRecipient -IdentityStore Contoso -To a@contoso.com -Cc c@contoso.com -ErrorAction Stop
        Get-NotificationRecipient -IdentityStore Contoso | ForEach-Object { "$($_.Kind):$($_.Address)" } | Should -Be @('To:a@contoso.com', 'Cc:c@contoso.com')
        Get-NotificationRecipient -IdentityStore Contoso -Kind Cc | ForEach-Object Address | Should -Be @('c@contoso.com')
    }
}

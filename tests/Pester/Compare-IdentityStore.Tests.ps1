BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'StoreProtection.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Compare-IdentityStore' {
    BeforeEach {
        Initialize-TestConfiguration
        New-StoreWithSecrets
        $script:File = Export-TestStore
    }
    AfterEach { Remove-TestConfiguration }

    It 'writes nothing when the file and the store match' {
        Compare-IdentityStore $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
    }

    It 'lists each drifted setting with both values, secrets masked' {
        Set-SmtpServer -IdentityStore Contoso -Port 25 -Credential (New-TestCredential 'notify@contoso.com' 'another-password') -ErrorAction Stop
        Add-NotificationRecipient -IdentityStore Contoso -Cc helpdesk@contoso.com -ErrorAction Stop
        Remove-MailAccount -IdentityStore Contoso -EmailAddress anna@contoso.com -Confirm:$false -ErrorAction Stop

        $differences = @(Get-Item $script:File | Compare-IdentityStore -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorAction Stop)

        $differences[0].PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Configuration.Portable.StoreDifference'
        $bySetting = @{}
        foreach ($difference in $differences) { $bySetting[$difference.Setting] = $difference }
        $bySetting['smtp.port'].Difference.ToString() | Should -BeExactly 'Changed'
        $bySetting['smtp.port'].FileValue | Should -BeExactly '587'
        $bySetting['smtp.port'].StoredValue | Should -BeExactly '25'
        $bySetting['smtp.password'].FileValue | Should -BeExactly '********'
        $bySetting['smtp.password'].StoredValue | Should -BeExactly '********'
        $bySetting['notifications.cc[0]'].Difference.ToString() | Should -BeExactly 'OnlyInStore'
        $bySetting['notifications.cc[0]'].StoredValue | Should -BeExactly 'helpdesk@contoso.com'
        $bySetting['mail.accounts[0].emailAddress'].Difference.ToString() | Should -BeExactly 'OnlyInFile'
        $bySetting['mail.accounts[0].password'].FileValue | Should -BeExactly '********'
        $differences.IdentityStore | Select-Object -Unique | Should -BeExactly 'Contoso'
        ($differences | Out-String -Width 200) | Should -Match 'smtp\.port\s+Changed\s+587\s+25'
    }

    It 'compares with another store named by -Name' {
        $null = Switch-ToEmptyConfiguration
        New-StoreWithSecrets -Name Fabrikam
        Compare-IdentityStore $script:File -Name Fabrikam -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorAction Stop | Should -BeNullOrEmpty

        Compare-IdentityStore $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.CompareIdentityStoreCommand' ObjectNotFound
    }

    It 'reports a missing file as not found' {
        Compare-IdentityStore "$script:File.missing" -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'StoreExportInvalid,MessagingProvider.Commands.CompareIdentityStoreCommand' ObjectNotFound
    }
}

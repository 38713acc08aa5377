BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'StoreProtection.common.ps1'))
    Import-Module $ModuleManifest -Force

    # A stored document as text without what differs between any two writes: times and ciphertexts.
    function Get-ComparableDocument([string] $Name) {
        (Get-Content -Raw (Get-IdentityStore $Name).Path) -replace '"(created|modified|data)":\s*"[^"]*"', '"$1": "-"'
    }
}

Describe 'Import-IdentityStore' {
    BeforeEach {
        Initialize-TestConfiguration
        New-StoreWithSecrets
        $script:Original = Get-ComparableDocument Contoso
        $script:File = Export-TestStore
    }
    AfterEach { Remove-TestConfiguration }

    It 'round-trips every setting and secret into an empty configuration directory' {
        $directory = Switch-ToEmptyConfiguration
        $imported = Import-IdentityStore -Path $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -PassThru -ErrorAction Stop

        $imported.Name | Should -BeExactly 'Contoso'
        $imported.Path | Should -BeExactly ([System.IO.Path]::Combine($directory, 'contoso.json'))
        Get-ComparableDocument Contoso | Should -BeExactly $script:Original
        Compare-IdentityStore $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorAction Stop | Should -BeNullOrEmpty
        $expected = if ($OnWindows) { 'dpapi-user-v2' } else { 'aes256gcm-v2' }
        Get-StoredSecretScheme | Should -BeExactly @($expected, $expected, $expected) -Because 'secrets are protected for this account again'
    }

    It 'imports a certificate-protected file where the private key is held, and is refused elsewhere' {
        $jobs = New-TestEncryptionCertificate 'MP Jobs'
        Export-IdentityStore Contoso $script:File -CertificatePath $jobs.Cer -Force -ErrorAction Stop
        $null = Switch-ToEmptyConfiguration

        Import-IdentityStore $script:File -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SecretCertificateUnavailable,MessagingProvider.Commands.ImportIdentityStoreCommand' PermissionDenied
        Get-IdentityStore | Should -BeNullOrEmpty

        Add-TestCertificateToMyStore $jobs
        try {
            Import-IdentityStore $script:File -ErrorAction Stop
            Get-ComparableDocument Contoso | Should -BeExactly $script:Original
        }
        finally { Remove-TestCertificateFromMyStore $jobs }
    }

    It 'keeps the store protected with its certificates, and warns an account that holds none of the keys' {
        $jobs = New-TestEncryptionCertificate 'MP Jobs'
        Add-TestCertificateToMyStore $jobs
        try {
            Set-IdentityStore -Name Contoso -ProtectionScope Certificate -CertificatePath $jobs.Cer -ErrorAction Stop
            $file = Export-TestStore
        }
        finally { Remove-TestCertificateFromMyStore $jobs }
        $null = Switch-ToEmptyConfiguration

        Import-IdentityStore $file -Password (ConvertTo-TestSecureString $script:ExportPassword) -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike "*'Contoso' is protected with certificates*holds none of their private keys*"
        Get-StoredSecretScheme | Should -BeExactly @('cms-v2', 'cms-v2', 'cms-v2')
        (Get-IdentityStore Contoso).ProtectionCertificate | Should -BeExactly @($jobs.Thumbprint)
    }

    It 'imports under another name with -Name, its secrets bound there' {
        Get-Item $script:File | Import-IdentityStore -Name Fabrikam -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorAction Stop
        (Get-IdentityStore).Name | Should -BeExactly @('Contoso', 'Fabrikam')
        Compare-IdentityStore $script:File -Name Fabrikam -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorAction Stop | Should -BeNullOrEmpty
    }

    It 'replaces an existing store only with -Force, and -WhatIf names the settings that would change' {
        Set-SmtpServer -IdentityStore Contoso -Port 25 -ErrorAction Stop
        $before = Get-ConfigurationSnapshot
        Import-IdentityStore $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'IdentityStoreAlreadyExists,MessagingProvider.Commands.ImportIdentityStoreCommand' ResourceExists
        $err[0].Exception.Message | Should -BeLike '*-Force*'
        Assert-ConfigurationUnchanged $before

        Get-WhatIfText "Import-IdentityStore '$script:File' -Password (ConvertTo-SecureString '$script:ExportPassword' -AsPlainText -Force) -Force -WhatIf" |
            Should -BeLike '*What if:*Replace identity store (1 setting(s) change: smtp.port)*Contoso*'
        Assert-ConfigurationUnchanged $before

        Import-IdentityStore $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -Force -ErrorAction Stop
        (Get-SmtpServer -IdentityStore Contoso).Port | Should -Be 587
    }

    It 'refuses <Case> with <ErrorId> and imports nothing' -TestCases @(
        @{ Case = 'a wrong password'; ErrorId = 'StoreExportUnreadable'; Category = 'SecurityError'; Password = 'wrong-password-1' }
        @{ Case = 'no password'; ErrorId = 'StoreExportProtectionRequired'; Category = 'InvalidArgument'; Password = $null }
        @{ Case = 'a setting changed after export'; ErrorId = 'StoreExportUnreadable'; Category = 'SecurityError'; Edit = { param($t) $t -replace '"port": 587', '"port": 2525' } }
        @{ Case = 'a secret moved to another field'; ErrorId = 'StoreExportUnreadable'; Category = 'SecurityError'; Edit = { param($t) $j = $t | ConvertFrom-Json; $j.store.smtp.password = $j.store.messaging.exchange.password; $j | ConvertTo-Json -Depth 30 } }
        @{ Case = 'a newer export format'; ErrorId = 'StoreExportVersionUnsupported'; Category = 'NotImplemented'; Edit = { param($t) $t -replace '"formatVersion": 1', '"formatVersion": 2' } }
        @{ Case = 'a file that is no export'; ErrorId = 'StoreExportInvalid'; Category = 'InvalidData'; Edit = { param($t) '{ "schemaVersion": 1, "name": "Contoso" }' } }
    ) {
        param($Case, $ErrorId, $Category, $Password = $script:ExportPassword, $Edit)
        if ($Edit) { [System.IO.File]::WriteAllText($script:File, (& $Edit ([System.IO.File]::ReadAllText($script:File)))) }
        $null = Switch-ToEmptyConfiguration
        $parameters = @{ Path = $script:File }
        if ($Password) { $parameters.Password = ConvertTo-TestSecureString $Password }

        Import-IdentityStore @parameters -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.ImportIdentityStoreCommand" $Category
        Get-IdentityStore | Should -BeNullOrEmpty
    }
}

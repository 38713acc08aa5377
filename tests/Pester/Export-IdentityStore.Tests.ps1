BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'StoreProtection.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Export-IdentityStore' {
    BeforeEach {
        Initialize-TestConfiguration
        New-StoreWithSecrets
        $script:File = "$script:ConfigDirectory-files/contoso.export.json"
        $null = [System.IO.Directory]::CreateDirectory("$script:ConfigDirectory-files")
    }
    AfterEach { Remove-TestConfiguration }

    It 'writes a versioned, owner-only file in which no secret is readable' {
        $file = Export-IdentityStore -Name Contoso -Path $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -PassThru -ErrorAction Stop

        $file | Should -BeOfType System.IO.FileInfo
        $file.FullName | Should -BeExactly $script:File
        $text = [System.IO.File]::ReadAllText($script:File)
        foreach ($secret in $script:SmtpPassword, $script:AccountPassword, 'Exch-P@ss-123') {
            $text | Should -Not -BeLike "*$secret*"
            $text | Should -Not -BeLike "*$([Convert]::ToBase64String([System.Text.Encoding]::UTF8.GetBytes($secret)))*"
        }
        $json = $text | ConvertFrom-Json
        $json.format | Should -BeExactly 'MessagingProvider.IdentityStore'
        $json.formatVersion | Should -Be 1
        $json.protection.kind | Should -BeExactly 'Password'
        $json.protection.kdf | Should -BeExactly 'PBKDF2-HMAC-SHA256'
        $json.protection.iterations | Should -Be 600000
        $json.store.smtp.server | Should -BeExactly 'smtp.contoso.com'
        $json.store.smtp.password.scheme | Should -BeExactly 'export-v1'
        if ($IsLinux) { [System.IO.File]::GetUnixFileMode($script:File) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'seals the file key to certificates when given them instead of a password' {
        $jobs = New-TestEncryptionCertificate 'MP Jobs'
        Get-IdentityStore Contoso | Export-IdentityStore -Path $script:File -CertificatePath $jobs.Cer -ErrorAction Stop

        $json = [System.IO.File]::ReadAllText($script:File) | ConvertFrom-Json
        $json.protection.kind | Should -BeExactly 'Certificate'
        $json.protection.certificates | Should -BeExactly @($jobs.Thumbprint)
        $json.protection.PSObject.Properties.Name | Should -Not -Contain 'salt'
    }

    It 'refuses <Case> with <ErrorId> and writes nothing' -TestCases @(
        @{ Case = 'no protection'; ErrorId = 'StoreExportProtectionRequired'; Category = 'InvalidArgument'; Arguments = @{} }
        @{ Case = 'a short password'; ErrorId = 'StoreExportProtectionRequired'; Category = 'InvalidArgument'; Arguments = @{ Password = 'short-pass' } }
        @{ Case = 'both a password and a certificate'; ErrorId = 'StoreExportProtectionRequired'; Category = 'InvalidArgument'; Arguments = @{ Password = 'export-password-1' }; WithCertificate = $true }
        @{ Case = 'a store that does not exist'; ErrorId = 'IdentityStoreNotFound'; Category = 'ObjectNotFound'; Arguments = @{ Name = 'Fabrikam'; Password = 'export-password-1' } }
    ) {
        param($Case, $ErrorId, $Category, $Arguments, $WithCertificate)
        $parameters = @{ Name = 'Contoso'; Path = $script:File }
        foreach ($key in $Arguments.Keys) { $parameters[$key] = if ($key -eq 'Password') { ConvertTo-TestSecureString $Arguments[$key] } else { $Arguments[$key] } }
        if ($WithCertificate) { $parameters.CertificatePath = (New-TestEncryptionCertificate 'MP Jobs').Cer }

        Export-IdentityStore @parameters -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.ExportIdentityStoreCommand" $Category
        [System.IO.File]::Exists($script:File) | Should -BeFalse
    }

    It 'replaces an existing file only with -Force' {
        [System.IO.File]::WriteAllText($script:File, 'keep me')
        Export-IdentityStore Contoso $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'StoreExportExists,MessagingProvider.Commands.ExportIdentityStoreCommand' ResourceExists
        [System.IO.File]::ReadAllText($script:File) | Should -BeExactly 'keep me'

        Export-IdentityStore Contoso $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -Force -ErrorAction Stop
        ([System.IO.File]::ReadAllText($script:File) | ConvertFrom-Json).store.name | Should -BeExactly 'Contoso'
    }

    It 'writes nothing with -WhatIf' {
        Export-IdentityStore Contoso $script:File -Password (ConvertTo-TestSecureString $script:ExportPassword) -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        [System.IO.File]::Exists($script:File) | Should -BeFalse
    }
}

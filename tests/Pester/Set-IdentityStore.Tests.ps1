BeforeDiscovery {
    # Other OS accounts: Linux, as root (CI runs so).
    $script:AsOtherUser = $IsLinux -and (& id -u) -eq '0' -and @(Get-Command runuser, useradd, groupadd -ErrorAction SilentlyContinue).Count -eq 3
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'StoreProtection.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-IdentityStore' {
    BeforeEach {
        Initialize-TestConfiguration
        New-StoreWithSecrets
        $script:Jobs = New-TestEncryptionCertificate 'MP Jobs'
        # The store's values before any change of protection, to compare with afterwards.
        $script:Before = "$script:ConfigDirectory-files/before.json"
        Export-IdentityStore Contoso $script:Before -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorAction Stop
    }
    AfterEach {
        Remove-TestCertificateFromMyStore $script:Jobs
        Remove-TestConfiguration
    }

    It 're-protects every secret for its certificates, and a holder of the key reads the same values' {
        Add-TestCertificateToMyStore $script:Jobs
        $result = Set-IdentityStore -Name Contoso -ProtectionScope Certificate -CertificatePath $script:Jobs.Cer -PassThru -WarningVariable warnings -ErrorAction Stop

        $result.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.IdentityStoreInfo'
        $result.ProtectionScope.ToString() | Should -BeExactly 'Certificate'
        $result.ProtectionCertificate | Should -BeExactly @($script:Jobs.Thumbprint)
        $warnings | Should -HaveCount 0
        Get-StoredSecretScheme | Should -BeExactly @('cms-v2', 'cms-v2', 'cms-v2')
        Compare-IdentityStore $script:Before -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorAction Stop |
            Where-Object Setting -NotLike 'protection.*' | Should -BeNullOrEmpty
        (Get-IdentityStore Contoso).ProtectionScope.ToString() | Should -BeExactly 'Certificate'
    }

    It 'writes the store readable by its group (0640) once other accounts may read it' -Skip:(-not $IsLinux) {
        Set-IdentityStore -Name Contoso -ProtectionScope Certificate -Certificate $script:Jobs.Certificate -WarningAction SilentlyContinue -ErrorAction Stop
        [System.IO.File]::GetUnixFileMode((Get-IdentityStore Contoso).Path) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead')
    }

    It 'goes back to the current user, re-protecting again' {
        Add-TestCertificateToMyStore $script:Jobs
        Get-IdentityStore Contoso | Set-IdentityStore -ProtectionScope Certificate -CertificateThumbprint $script:Jobs.Thumbprint -ErrorAction Stop
        Get-IdentityStore Contoso | Set-IdentityStore -ProtectionScope CurrentUser -ErrorAction Stop

        $expected = if ($OnWindows) { 'dpapi-user-v2' } else { 'aes256gcm-v2' }
        Get-StoredSecretScheme | Should -BeExactly @($expected, $expected, $expected)
        Compare-IdentityStore $script:Before -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorAction Stop | Should -BeNullOrEmpty
        if ($IsLinux) { [System.IO.File]::GetUnixFileMode((Get-IdentityStore Contoso).Path) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite') }
    }

    It 'warns when this account holds none of the private keys, which then cannot read the secrets' {
        Set-IdentityStore -Name Contoso -ProtectionScope Certificate -CertificatePath $script:Jobs.Cer -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop
        $warnings | Should -HaveCount 1
        $warnings[0].Message | Should -BeLike "*holds none of the private keys*'Contoso'*"

        Compare-IdentityStore $script:Before -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SecretCertificateUnavailable,MessagingProvider.Commands.CompareIdentityStoreCommand' PermissionDenied
        $err[0].Exception.Message | Should -BeLike "*CN=MP Jobs*"
    }

    It 'changes nothing with -WhatIf' {
        $before = Get-ConfigurationSnapshot
        Set-IdentityStore -Name Contoso -ProtectionScope Certificate -CertificatePath $script:Jobs.Cer -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        Assert-ConfigurationUnchanged $before
    }

    It 'refuses <Case> with <ErrorId> and changes nothing' -TestCases @(
        @{ Case = 'Certificate without certificates'; ErrorId = 'ProtectionCertificateRequired'; Category = 'InvalidArgument'; Arguments = @{ ProtectionScope = 'Certificate' } }
        @{ Case = 'an expired certificate'; ErrorId = 'ProtectionCertificateInvalid'; Category = 'InvalidArgument'; Expired = $true }
        @{ Case = 'a signature-only certificate'; ErrorId = 'ProtectionCertificateInvalid'; Category = 'InvalidArgument'; SignatureOnly = $true }
        @{ Case = 'an unknown thumbprint'; ErrorId = 'ProtectionCertificateNotFound'; Category = 'ObjectNotFound'; Arguments = @{ ProtectionScope = 'Certificate'; CertificateThumbprint = '00112233445566778899AABBCCDDEEFF00112233' } }
        @{ Case = 'certificates for another scope'; ErrorId = 'ProtectionCertificateInvalid'; Category = 'InvalidArgument'; Arguments = @{ ProtectionScope = 'CurrentUser' }; WithCertificate = $true }
        @{ Case = 'a key group for the Certificate scope'; ErrorId = 'ProtectionKeyGroupInvalid'; Category = 'InvalidArgument'; Arguments = @{ ProtectionScope = 'Certificate'; KeyGroup = 'root' }; WithCertificate = $true }
        @{ Case = 'a store that does not exist'; ErrorId = 'IdentityStoreNotFound'; Category = 'ObjectNotFound'; Arguments = @{ Name = 'Fabrikam'; ProtectionScope = 'CurrentUser' } }
    ) {
        param($Case, $ErrorId, $Category, $Arguments, $Expired, $SignatureOnly, $WithCertificate)
        $parameters = @{ Name = 'Contoso' }
        if ($Arguments) { foreach ($key in $Arguments.Keys) { $parameters[$key] = $Arguments[$key] } }
        if ($Expired -or $SignatureOnly) {
            $notAfter = if ($Expired) { [datetimeoffset]::UtcNow.AddDays(-1) } else { [datetimeoffset]::UtcNow.AddYears(1) }
            $bad = New-TestEncryptionCertificate 'Bad' -NotAfter $notAfter -SignatureOnly:$SignatureOnly
            $parameters += @{ ProtectionScope = 'Certificate'; CertificatePath = $bad.Cer }
        }
        if ($WithCertificate) { $parameters.Certificate = $script:Jobs.Certificate }
        $before = Get-ConfigurationSnapshot

        Set-IdentityStore @parameters -ErrorVariable err -ErrorAction SilentlyContinue | Should -BeNullOrEmpty
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.SetIdentityStoreCommand" $Category
        Assert-ConfigurationUnchanged $before
    }

    It 'refuses an encrypted value moved into another field' {
        Add-TestCertificateToMyStore $script:Jobs
        Set-IdentityStore -Name Contoso -ProtectionScope Certificate -Certificate $script:Jobs.Certificate -ErrorAction Stop
        $path = (Get-IdentityStore Contoso).Path
        $json = [System.IO.File]::ReadAllText($path) | ConvertFrom-Json
        $json.smtp.password.data = $json.messaging.exchange.password.data
        [System.IO.File]::WriteAllText($path, ($json | ConvertTo-Json -Depth 20))

        Export-IdentityStore Contoso "$script:ConfigDirectory-files/after.json" -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'SecretProtectionFailed,MessagingProvider.Commands.ExportIdentityStoreCommand' SecurityError
        $err[0].Exception.Message | Should -BeLike "*'contoso/smtp.password'*stored for 'contoso/messaging.exchange.password'*"
    }
}

Describe 'Set-IdentityStore -ProtectionScope LocalMachine' -Skip:(-not $AsOtherUser) {
    BeforeEach {
        Initialize-TestConfiguration
        New-StoreWithSecrets
        $script:KeyDirectory = "$script:ConfigDirectory-machine"
        $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH = "$script:KeyDirectory/machine.key"
        & groupadd -f mp-test-jobs
    }
    AfterEach {
        $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH = $null
        if ([System.IO.Directory]::Exists($script:KeyDirectory)) { [System.IO.Directory]::Delete($script:KeyDirectory, $true) }
        Remove-TestConfiguration
    }

    It 'makes a root-owned machine key readable by the named group, as root' {
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-test-jobs -ErrorAction Stop

        $key = $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH
        [System.IO.File]::GetUnixFileMode($key) | Should -Be ([System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead')
        (& stat -c '%U:%G %s' $key) | Should -BeExactly 'root:mp-test-jobs 32'
        Get-StoredSecretScheme | Should -BeExactly @('aes256gcm-machine-v2', 'aes256gcm-machine-v2', 'aes256gcm-machine-v2')
        (Get-IdentityStore Contoso).ProtectionScope.ToString() | Should -BeExactly 'LocalMachine'
    }

    It 'refuses a machine key others can read, and a missing one, with specific errors' {
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'MachineKeyMissing,MessagingProvider.Commands.SetIdentityStoreCommand' ObjectNotFound
        (Get-IdentityStore Contoso).ProtectionScope.ToString() | Should -BeExactly 'CurrentUser'

        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-test-jobs -ErrorAction Stop
        [System.IO.File]::SetUnixFileMode($env:MESSAGINGPROVIDER_MACHINE_KEY_PATH, 'UserRead, UserWrite, GroupRead, OtherRead')
        Export-IdentityStore Contoso "$script:ConfigDirectory-files.json" -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'MachineKeyInsecure,MessagingProvider.Commands.ExportIdentityStoreCommand' SecurityError
        $err[0].Exception.Message | Should -BeLike '*mode 644*'
    }

    It 'refuses to name another group for a machine key that exists' {
        & groupadd -f mp-test-other
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-test-jobs -ErrorAction Stop
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-test-other -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProtectionKeyGroupInvalid,MessagingProvider.Commands.SetIdentityStoreCommand' InvalidArgument
        $err[0].Exception.Message | Should -BeLike '*chgrp mp-test-other*'
        (& stat -c '%G' $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH) | Should -BeExactly 'mp-test-jobs'
    }

    It 'refuses a key group that does not exist' {
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-no-such-group -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProtectionGroupNotFound,MessagingProvider.Commands.SetIdentityStoreCommand' InvalidArgument
        [System.IO.File]::Exists($env:MESSAGINGPROVIDER_MACHINE_KEY_PATH) | Should -BeFalse
    }
}

Describe 'Set-IdentityStore for scheduled jobs under other accounts' -Skip:(-not $AsOtherUser) {
    BeforeAll {
        & groupadd -f mp-test-jobs
        $script:Holder = New-TestUser mp-test-holder -Group mp-test-jobs
        $script:Stranger = New-TestUser mp-test-stranger

        # The stranger gets a copy of the store file in a directory of its own, as on a second machine.
        function Copy-StoreToStranger {
            $null = New-Item -ItemType Directory -Force $script:Stranger.ConfigDirectory
            Copy-Item (Get-IdentityStore Contoso).Path $script:Stranger.ConfigDirectory
            & chown -R "$($script:Stranger.Name):" $script:Stranger.ConfigDirectory
        }

        # Exporting decrypts every secret; the export, imported back here, must equal the store.
        function Assert-ReadsEverySecret($User, [string] $ConfigDirectory, [hashtable] $Environment = @{}) {
            $export = "$($User.Home)/contoso.json"
            $run = Invoke-AsTestUser $User $ConfigDirectory "Export-IdentityStore Contoso '$export' -Password (ConvertTo-SecureString 'export-password-1' -AsPlainText -Force)" $Environment
            $run.ExitCode | Should -Be 0 -Because $run.Output
            Compare-IdentityStore $export -Password (ConvertTo-TestSecureString 'export-password-1') -ErrorAction Stop | Should -BeNullOrEmpty
        }
    }
    AfterAll {
        Remove-TestUser $script:Holder
        Remove-TestUser $script:Stranger
    }
    BeforeEach {
        Initialize-TestConfiguration
        # The configuration directory a job server shares: the jobs' group reads it (setgid keeps the group on new files).
        $null = [System.IO.Directory]::CreateDirectory($script:ConfigDirectory)
        & chgrp mp-test-jobs $script:ConfigDirectory
        & chmod 2750 $script:ConfigDirectory
        New-StoreWithSecrets
        $script:Jobs = New-TestEncryptionCertificate 'MP Jobs'
        $script:Stranger | Add-Member -Force -NotePropertyName ConfigDirectory -NotePropertyValue "$($script:Stranger.Home)/config"
        & chmod -R a+rX "$script:ConfigDirectory-files"
    }
    AfterEach {
        Remove-TestCertificateFromMyStore $script:Jobs
        $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH = $null
        Remove-Item "$script:ConfigDirectory-machine" -Recurse -Force -ErrorAction SilentlyContinue
        Remove-TestConfiguration
        Remove-Item "$($script:Stranger.Home)/config", "$($script:Holder.Home)/*.json" -Recurse -Force -ErrorAction SilentlyContinue
    }

    It 'is read by another account that holds the certificate, and refused to one that does not' {
        $null = Invoke-AsTestUser $script:Holder $script:ConfigDirectory "`$c = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new('$($script:Jobs.Pfx)', 'pfx-password', 'PersistKeySet'); `$s = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser'); `$s.Open('ReadWrite'); `$s.Add(`$c); `$s.Close()"
        Add-TestCertificateToMyStore $script:Jobs # the administrator holds it too, to compare
        Set-IdentityStore -Name Contoso -ProtectionScope Certificate -CertificatePath $script:Jobs.Cer -ErrorAction Stop

        Assert-ReadsEverySecret $script:Holder $script:ConfigDirectory

        Copy-StoreToStranger
        $refused = Invoke-AsTestUser $script:Stranger $script:Stranger.ConfigDirectory "Export-IdentityStore Contoso '$($script:Stranger.Home)/contoso.json' -Password (ConvertTo-SecureString 'export-password-1' -AsPlainText -Force)"
        $refused.ExitCode | Should -Not -Be 0
        $refused.Output | Should -BeLike '*private key this account does not hold*'
        [System.IO.File]::Exists("$($script:Stranger.Home)/contoso.json") | Should -BeFalse
    }

    It 'is read with the machine key by an account of its group, and refused to one outside it' {
        $key = @{ MESSAGINGPROVIDER_MACHINE_KEY_PATH = "$script:ConfigDirectory-machine/machine.key" }
        $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH = $key.MESSAGINGPROVIDER_MACHINE_KEY_PATH
        Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine -KeyGroup mp-test-jobs -ErrorAction Stop

        Assert-ReadsEverySecret $script:Holder $script:ConfigDirectory $key

        Copy-StoreToStranger
        $refused = Invoke-AsTestUser $script:Stranger $script:Stranger.ConfigDirectory "Export-IdentityStore Contoso '$($script:Stranger.Home)/contoso.json' -Password (ConvertTo-SecureString 'export-password-1' -AsPlainText -Force)" $key
        $refused.ExitCode | Should -Not -Be 0
        $refused.Output | Should -BeLike '*may not read the machine key*'
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Set-MessagingProvider' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'stores Exchange settings and never shows or writes the password' {
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Version SE -Domain contoso.com -Credential (New-TestCredential) `
            -Server exch01.contoso.com -Deployment Hybrid -Authentication Negotiate -UseSsl -CreateMethod New `
            -ExcludedSmtpDomain legacy.contoso.com -Confirm:$false -ErrorVariable err
        $err | Should -HaveCount 0
        $info = Get-MessagingProvider -IdentityStore Contoso
        $info | Should -HaveCount 1
        $info.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.ExchangeProviderInfo'
        $info.PSObject.TypeNames | Should -Contain 'MessagingProvider.Output.MessagingProviderInfo'
        $info.Version | Should -BeExactly 'SE'
        $info.UserName | Should -BeExactly 'CONTOSO\svc-mp'
        $info.Password | Should -BeExactly '********'
        $info.Deployment.ToString() | Should -BeExactly 'Hybrid'
        $info.Authentication.ToString() | Should -BeExactly 'Negotiate'
        $info.UseSsl | Should -Be $true
        $info.CreateMethod.ToString() | Should -BeExactly 'New'
        , $info.ExcludedSmtpDomain | Should -BeOfType [string[]]
        $info.ExcludedSmtpDomain | Should -BeExactly @('legacy.contoso.com')
        foreach ($file in [System.IO.Directory]::GetFiles($ConfigDirectory, '*', 'AllDirectories')) {
            [System.IO.File]::ReadAllText($file) | Should -Not -BeLike '*Exch-P@ss-123*'
        }
    }

    It 'never shows a secret in Verbose or Debug output' {
        $streams = & {
            $null = New-IdentityStore -Name Contoso -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret-9') -Force -Verbose -Debug
        } 2>&1 4>&1 5>&1
        $streams | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] } | Should -BeNullOrEmpty
        $verbose = @($streams | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] })
        $verbose | Should -Not -BeNullOrEmpty
        foreach ($record in $streams) {
            $record.Message | Should -Not -BeLike '*Exch-P@ss-123*'
            $record.Message | Should -Not -BeLike '*cl1ent-secret-9*'
        }
    }

    It 'returns the result only with -PassThru' {
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain googlegroups.com -ErrorVariable err | Should -BeNullOrEmpty
        $err | Should -HaveCount 0
        $info = Set-MessagingProvider -IdentityStore Contoso -Provider Other -MaximumAliasLength 20 -PassThru
        $info | Should -HaveCount 1
        $info.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.OtherProviderInfo'
        $info.Domain | Should -BeExactly 'googlegroups.com'
        $info.MaximumAliasLength | Should -Be 20
    }

    It 'imports an Office 365 certificate and warns when it expires soon' {
        $pfx = New-TestPfx -Name 'mp-o365' -Password 'pfx-pass' -NotAfter ([datetimeoffset]::UtcNow.AddDays(10))
        $null = New-IdentityStore -Name Cloud
        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com `
            -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
            -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret') -CertificatePath $pfx `
            -CertificatePassword (ConvertTo-TestSecureString 'pfx-pass') -PassThru -WarningVariable warnings -WarningAction SilentlyContinue -ErrorVariable err
        $err | Should -HaveCount 0
        $info | Should -HaveCount 1
        $info.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.Office365ProviderInfo'
        $info.Cloud.ToString() | Should -BeExactly 'USGovGCCHigh'
        $info.ClientSecret | Should -BeExactly '********'
        $info.Certificate.Subject | Should -BeExactly 'CN=mp-o365'
        $info.Certificate.Thumbprint.Length | Should -Be 40
        # Expires in 10 days: one warning says so.
        $warnings | Where-Object { $_.Message -like '*expires*' -and $_.Message -like '*30 days*' } | Should -Not -BeNullOrEmpty
    }

    It 'takes one sign-in at a time: a managed identity replaces the stored secret, and is refused together with one' {
        $null = New-IdentityStore -Name Cloud
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret')
        $before = Get-ConfigurationSnapshot

        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -ManagedIdentity -ClientSecret (ConvertTo-TestSecureString 'other') -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderSettingsIncomplete,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidArgument
        Assert-ConfigurationUnchanged $before
        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -ManagedIdentity -PassThru

        "$($info.SignIn)" | Should -Be 'ManagedIdentity'
        $info.ClientSecret | Should -BeNullOrEmpty
        $info.ManagedIdentityClientId | Should -BeNullOrEmpty
        (Get-StoredConfigurationText) | Should -Not -BeLike '*"clientSecret": {*'
    }

    It 'stores endpoint overrides and removes them with an empty string' {
        $null = New-IdentityStore -Name Cloud
        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud China -Domain contoso.com `
            -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
            -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret') -AuthorityHost https://127.0.0.1:5443 `
            -ExchangeOnlineEndpoint https://127.0.0.1:5444/ -PassThru
        $info | Should -HaveCount 1
        $info.AuthorityHost | Should -Be 'https://127.0.0.1:5443/'
        $info.ExchangeOnlineEndpoint | Should -Be 'https://127.0.0.1:5444/'
        $info.GraphEndpoint | Should -Be 'https://microsoftgraph.chinacloudapi.cn/'
        $info.SmtpHost | Should -Be 'smtp.partner.outlook.cn'
        $info.EndpointsOverridden | Should -BeTrue

        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -AuthorityHost '' -ExchangeOnlineEndpoint '' -PassThru
        $info.AuthorityHost | Should -Be 'https://login.chinacloudapi.cn/'
        $info.ExchangeOnlineEndpoint | Should -Be 'https://partner.outlook.cn/'
        $info.EndpointsOverridden | Should -BeFalse
    }

    It 'changes nothing when the certificate password is wrong' {
        $pfx = New-TestPfx -Name 'mp-o365' -Password 'right' -NotAfter ([datetimeoffset]::UtcNow.AddYears(1))
        $null = New-IdentityStore -Name Cloud
        Set-MessagingProvider -IdentityStore Cloud -Provider Other -Domain example.com
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -CertificatePath $pfx `
            -CertificatePassword (ConvertTo-TestSecureString 'wrong') -Force -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'CertificatePasswordIncorrect,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidArgument
        Assert-ConfigurationUnchanged $before
    }

    It 'uses a Google JSON key and takes the service account from it' {
        $key = New-TestGoogleJsonKey -ClientEmail 'mp@contoso-mail.iam.gserviceaccount.com'
        $null = New-IdentityStore -Name G
        $info = Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $key -PassThru
        $info | Should -HaveCount 1
        $info.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.GoogleWorkspaceProviderInfo'
        $info.ServiceAccount | Should -BeExactly 'mp@contoso-mail.iam.gserviceaccount.com'
        $info.KeyType.ToString() | Should -BeExactly 'Json'
        $info.Key | Should -BeExactly '********'
        $info.TokenEndpoint | Should -BeExactly 'https://oauth2.googleapis.com/token'
        $info.DirectoryApiEndpoint | Should -BeExactly 'https://admin.googleapis.com/'

        $info = Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -TokenEndpoint https://127.0.0.1:5443/token -DirectoryApiEndpoint https://127.0.0.1:5444 -PassThru
        $info | Should -HaveCount 1
        $info.TokenEndpoint | Should -BeExactly 'https://127.0.0.1:5443/token'
        $info.DirectoryApiEndpoint | Should -BeExactly 'https://127.0.0.1:5444/'
    }

    It 'signs in to Google keyless with -SignIn Impersonation: no key kept, and Get-MessagingProvider shows the kind' {
        $key = New-TestGoogleJsonKey -ClientEmail 'mp@contoso-mail.iam.gserviceaccount.com'
        $null = New-IdentityStore -Name G
        Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $key
        (Get-MessagingProvider -IdentityStore G).SignIn.ToString() | Should -BeExactly 'KeyFile'

        $info = Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -SignIn Impersonation -IamCredentialsEndpoint https://127.0.0.1:5445 -PassThru
        $shown = Get-MessagingProvider -IdentityStore G
        $info.SignIn.ToString() | Should -BeExactly 'Impersonation'
        $shown.SignIn.ToString() | Should -BeExactly 'Impersonation'
        $shown.ServiceAccount | Should -BeExactly 'mp@contoso-mail.iam.gserviceaccount.com'
        $shown.Key | Should -BeNullOrEmpty
        $shown.KeyId | Should -BeNullOrEmpty
        $shown.IamCredentialsEndpoint | Should -BeExactly 'https://127.0.0.1:5445/'
        (Get-Content -Raw (Get-IdentityStore -Name G).Path | ConvertFrom-Json).Messaging.GoogleWorkspace.Key | Should -BeNullOrEmpty

        $null = New-IdentityStore -Name G2
        Set-MessagingProvider -IdentityStore G2 -Provider GoogleWorkspace -ServiceAccount mp@contoso-mail.iam.gserviceaccount.com -AdminUser admin@contoso.com -SignIn Impersonation -KeyPath $key -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderSettingsIncomplete,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidArgument
        Set-MessagingProvider -IdentityStore G2 -Provider GoogleWorkspace -ServiceAccount mp@contoso-mail.iam.gserviceaccount.com -AdminUser admin@contoso.com -ErrorVariable err2 -ErrorAction SilentlyContinue
        $err2[0].Exception.Message | Should -BeLike '*-KeyPath or -SignIn Impersonation*'
    }

    It 'stores the client secret expiry the user gives, shows it, and drops it with a new secret' {
        $null = New-IdentityStore -Name Cloud
        $common = @{ IdentityStore = 'Cloud'; Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10' }
        $expiry = [datetime]::new(2027, 3, 31, 0, 0, 0, [System.DateTimeKind]::Utc)
        Set-MessagingProvider @common -ClientSecret (ConvertTo-TestSecureString 'cs-1') -ClientSecretExpiry $expiry
        (Get-MessagingProvider -IdentityStore Cloud).ClientSecretExpiry | Should -Be ([datetimeoffset]$expiry)

        Set-MessagingProvider @common -ClientSecret (ConvertTo-TestSecureString 'cs-2')
        (Get-MessagingProvider -IdentityStore Cloud).ClientSecretExpiry | Should -BeNullOrEmpty

        Set-MessagingProvider @common -ManagedIdentity
        Set-MessagingProvider @common -ClientSecretExpiry $expiry -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ProviderSettingsIncomplete,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidArgument
    }

    It 'refuses a key file that does not load' {
        $null = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-files")
        $bogus = [System.IO.Path]::Combine("$ConfigDirectory-files", 'key.p12')
        [System.IO.File]::WriteAllText($bogus, 'this is not a key')
        $null = New-IdentityStore -Name G
        Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -ServiceAccount a@b.com -AdminUser admin@contoso.com -KeyPath $bogus -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'CertificateFileInvalid,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidData
    }

    It 'refuses <Case> with <ErrorId> and changes nothing' -TestCases @(
        @{ Case = "-Provider Other -Domain 'not a domain'"; Arguments = @{ Provider = 'Other'; Domain = 'not a domain' }; ErrorId = 'InvalidDomainName' }
        @{ Case = "-Provider Other -AliasPattern '[a-z'"; Arguments = @{ Provider = 'Other'; Domain = 'example.com'; AliasPattern = '[a-z' }; ErrorId = 'InvalidAliasPattern' }
        @{ Case = "-Provider Other -AliasPattern 'x)|(.*' (escapes the anchors)"; Arguments = @{ Provider = 'Other'; Domain = 'example.com'; AliasPattern = 'x)|(.*' }; ErrorId = 'InvalidAliasPattern' }
        @{ Case = '-Provider Exchange -Authentication Basic without -UseSsl'; Arguments = @{ Provider = 'Exchange'; Domain = 'contoso.com'; Credential = [pscredential]::new('CONTOSO\svc', [System.Net.NetworkCredential]::new('', 'P@ss').SecurePassword); Authentication = 'Basic' }; ErrorId = 'ExchangeBasicRequiresSsl' }
        @{ Case = '-Provider Other -MaximumAliasLength 500'; Arguments = @{ Provider = 'Other'; Domain = 'example.com'; MaximumAliasLength = 500 }; ErrorId = 'InvalidMaximumAliasLength' }
        @{ Case = '-Provider Other -Version 2019'; Arguments = @{ Provider = 'Other'; Domain = 'example.com'; Version = '2019' }; ErrorId = 'ParameterNotValidForProvider' }
        @{ Case = '-Provider None -Domain example.com'; Arguments = @{ Provider = 'None'; Domain = 'example.com' }; ErrorId = 'ParameterNotValidForProvider' }
        @{ Case = '-Provider Exchange without a credential'; Arguments = @{ Provider = 'Exchange'; Domain = 'contoso.com' }; ErrorId = 'ProviderSettingsIncomplete' }
        @{ Case = '-Provider Office365 -ApplicationId nope'; Arguments = @{ Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = 'nope' }; ErrorId = 'InvalidApplicationId' }
        @{ Case = '-Provider Office365 -GraphEndpoint http://127.0.0.1:1'; Arguments = @{ Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'; ClientSecret = [System.Net.NetworkCredential]::new('', 's').SecurePassword; GraphEndpoint = 'http://127.0.0.1:1' }; ErrorId = 'InvalidEndpoint' }
        @{ Case = '-Provider Other -AuthorityHost https://127.0.0.1:1'; Arguments = @{ Provider = 'Other'; Domain = 'example.com'; AuthorityHost = 'https://127.0.0.1:1' }; ErrorId = 'ParameterNotValidForProvider' }
    ) {
        param($Case, $Arguments, $ErrorId)
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain keep.example.com -AliasPattern '[a-z]+'
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Force @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err "$ErrorId,MessagingProvider.Commands.SetMessagingProviderCommand" InvalidArgument
        Assert-ConfigurationUnchanged $before
    }

    It 'reports an unknown identity store' {
        Set-MessagingProvider -IdentityStore Nowhere -Provider None -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.SetMessagingProviderCommand' ObjectNotFound
    }

    It 'reports a corrupt document with its file and position and leaves it alone' {
        $path = (New-IdentityStore -Name Contoso).Path
        [System.IO.File]::WriteAllText($path, '{ "schemaVersion": 1, "name": ')
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Provider None -ErrorVariable err -ErrorAction SilentlyContinue
        Assert-SingleError $err 'ConfigurationCorrupt,MessagingProvider.Commands.SetMessagingProviderCommand' InvalidData
        $err[0].Exception.Message.Contains($path) | Should -BeTrue -Because $err[0].Exception.Message
        $err[0].Exception.Message | Should -BeLike '*line 1, position*'
        Assert-ConfigurationUnchanged $before
    }

    It 'changes nothing with -WhatIf' {
        New-ExchangeTestStore
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Provider None -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        Assert-ConfigurationUnchanged $before
    }

    It 'asks before discarding another provider and changes nothing when it cannot ask' {
        New-ExchangeTestStore
        $before = Get-ConfigurationSnapshot
        # A runspace without a host UI cannot answer the confirmation (and nothing here waits for one).
        $run = Invoke-WithoutHost { Set-MessagingProvider -IdentityStore Contoso -Provider None }
        $run.Errors | Should -HaveCount 1
        $run.Errors[0].FullyQualifiedErrorId | Should -BeLike 'HostFunctionNotImplemented,*'
        $run.Errors[0].Exception.Message | Should -BeLike "*Exchange settings of identity store 'Contoso'*"
        Assert-ConfigurationUnchanged $before
    }

    It 'replaces another provider with -Force' {
        New-ExchangeTestStore
        Set-MessagingProvider -IdentityStore Contoso -Provider None -Force -ErrorVariable err
        $err | Should -HaveCount 0
        $info = Get-MessagingProvider -IdentityStore Contoso
        $info | Should -HaveCount 1
        $info.PSObject.TypeNames[0] | Should -BeExactly 'MessagingProvider.Output.MessagingProviderInfo'
        $info.Provider.ToString() | Should -BeExactly 'None'
    }

    It 'binds identity stores from the pipeline' {
        'A', 'B' | New-IdentityStore | Set-MessagingProvider -Provider Other -Domain example.com -ErrorVariable err
        $err | Should -HaveCount 0
        $providers = Get-IdentityStore | Get-MessagingProvider
        $providers.IdentityStore | Should -BeExactly @('A', 'B')
        @($providers.Provider | ForEach-Object ToString) | Should -BeExactly @('Other', 'Other')
    }
}

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
            -ExcludedSmtpDomain legacy.contoso.com -Confirm:$false
        $info = Get-MessagingProvider -IdentityStore Contoso
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ExchangeProviderInfo'
        $info.Version | Should -Be 'SE'
        $info.UserName | Should -Be 'CONTOSO\svc-mp'
        $info.Password | Should -Be '********'
        $info.Deployment | Should -Be 'Hybrid'
        $info.Authentication | Should -Be 'Negotiate'
        $info.UseSsl | Should -BeTrue
        $info.CreateMethod | Should -Be 'New'
        $info.ExcludedSmtpDomain | Should -Be @('legacy.contoso.com')
        foreach ($file in [System.IO.Directory]::GetFiles($ConfigDirectory, '*', 'AllDirectories')) {
            [System.IO.File]::ReadAllText($file) | Should -Not -BeLike '*Exch-P@ss-123*'
        }
    }

    It 'never shows a secret in Verbose output' {
        $verbose = & {
            $null = New-IdentityStore -Name Contoso -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) -Verbose
            Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret-9') -Force -Verbose
        } 4>&1
        $verbose | Should -Not -BeNullOrEmpty
        ($verbose | ForEach-Object Message) -join "`n" | Should -Not -BeLike '*Exch-P@ss-123*'
        ($verbose | ForEach-Object Message) -join "`n" | Should -Not -BeLike '*cl1ent-secret-9*'
    }

    It 'returns the result only with -PassThru' {
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain googlegroups.com | Should -BeNullOrEmpty
        $info = Set-MessagingProvider -IdentityStore Contoso -Provider Other -MaximumAliasLength 20 -PassThru
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.OtherProviderInfo'
        $info.Domain | Should -Be 'googlegroups.com'
        $info.MaximumAliasLength | Should -Be 20
    }

    It 'imports an Office 365 certificate and warns when it expires soon' {
        $pfx = New-TestPfx -Name 'mp-o365' -Password 'pfx-pass' -NotAfter ([datetimeoffset]::UtcNow.AddDays(10))
        $null = New-IdentityStore -Name Cloud
        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com `
            -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
            -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret') -CertificatePath $pfx `
            -CertificatePassword (ConvertTo-TestSecureString 'pfx-pass') -PassThru -WarningVariable warnings -WarningAction SilentlyContinue
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.Office365ProviderInfo'
        $info.Cloud | Should -Be 'USGovGCCHigh'
        $info.ClientSecret | Should -Be '********'
        $info.Certificate.Subject | Should -Be 'CN=mp-o365'
        $info.Certificate.Thumbprint.Length | Should -Be 40
        $warnings -join ' ' | Should -BeLike '*expires*30 days*'
    }

    It 'stores endpoint overrides and removes them with an empty string' {
        $null = New-IdentityStore -Name Cloud
        $info = Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Cloud China -Domain contoso.com `
            -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
            -ClientSecret (ConvertTo-TestSecureString 'cl1ent-secret') -AuthorityHost https://127.0.0.1:5443 `
            -ExchangeOnlineEndpoint https://127.0.0.1:5444/ -PassThru
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
        $err[0].FullyQualifiedErrorId | Should -Be 'CertificatePasswordIncorrect,MessagingProvider.Commands.SetMessagingProviderCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-ConfigurationUnchanged $before
    }

    It 'uses a Google JSON key and takes the service account from it' {
        $key = New-TestGoogleJsonKey -ClientEmail 'mp@contoso-mail.iam.gserviceaccount.com'
        $null = New-IdentityStore -Name G
        $info = Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $key -PassThru
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.GoogleWorkspaceProviderInfo'
        $info.ServiceAccount | Should -Be 'mp@contoso-mail.iam.gserviceaccount.com'
        $info.KeyType | Should -Be 'Json'
        $info.Key | Should -Be '********'
        $info.TokenEndpoint | Should -Be 'https://oauth2.googleapis.com/token'
        $info.DirectoryApiEndpoint | Should -Be 'https://admin.googleapis.com/'

        $info = Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -TokenEndpoint https://127.0.0.1:5443/token -DirectoryApiEndpoint https://127.0.0.1:5444 -PassThru
        $info.TokenEndpoint | Should -Be 'https://127.0.0.1:5443/token'
        $info.DirectoryApiEndpoint | Should -Be 'https://127.0.0.1:5444/'
    }

    It 'refuses a key file that does not load' {
        $null = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-files")
        $bogus = [System.IO.Path]::Combine("$ConfigDirectory-files", 'key.p12')
        [System.IO.File]::WriteAllText($bogus, 'this is not a key')
        $null = New-IdentityStore -Name G
        Set-MessagingProvider -IdentityStore G -Provider GoogleWorkspace -ServiceAccount a@b.com -AdminUser admin@contoso.com -KeyPath $bogus -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'CertificateFileInvalid,MessagingProvider.Commands.SetMessagingProviderCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidData'
    }

    It 'refuses <Arguments> with <ErrorId> and changes nothing' -TestCases @(
        @{ Arguments = @{ Provider = 'Other'; Domain = 'not a domain' }; ErrorId = 'InvalidDomainName' }
        @{ Arguments = @{ Provider = 'Other'; Domain = 'example.com'; AliasPattern = '[a-z' }; ErrorId = 'InvalidAliasPattern' }
        @{ Arguments = @{ Provider = 'Other'; Domain = 'example.com'; MaximumAliasLength = 500 }; ErrorId = 'InvalidMaximumAliasLength' }
        @{ Arguments = @{ Provider = 'Other'; Domain = 'example.com'; Version = '2019' }; ErrorId = 'ParameterNotValidForProvider' }
        @{ Arguments = @{ Provider = 'None'; Domain = 'example.com' }; ErrorId = 'ParameterNotValidForProvider' }
        @{ Arguments = @{ Provider = 'Exchange'; Domain = 'contoso.com' }; ErrorId = 'ProviderSettingsIncomplete' }
        @{ Arguments = @{ Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = 'nope' }; ErrorId = 'InvalidApplicationId' }
        @{ Arguments = @{ Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'; ClientSecret = [System.Net.NetworkCredential]::new('', 's').SecurePassword; GraphEndpoint = 'http://127.0.0.1:1' }; ErrorId = 'InvalidEndpoint' }
        @{ Arguments = @{ Provider = 'Other'; Domain = 'example.com'; AuthorityHost = 'https://127.0.0.1:1' }; ErrorId = 'ParameterNotValidForProvider' }
    ) {
        param($Arguments, $ErrorId)
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain keep.example.com -AliasPattern '[a-z]+'
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Force @Arguments -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.SetMessagingProviderCommand"
        $err[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        Assert-ConfigurationUnchanged $before
    }

    It 'reports an unknown identity store' {
        Set-MessagingProvider -IdentityStore Nowhere -Provider None -ErrorVariable err -ErrorAction SilentlyContinue
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.SetMessagingProviderCommand'
    }

    It 'changes nothing with -WhatIf' {
        New-ExchangeTestStore
        $before = Get-ConfigurationSnapshot
        Set-MessagingProvider -IdentityStore Contoso -Provider None -WhatIf
        Assert-ConfigurationUnchanged $before
    }

    It 'replaces another provider with -Force' {
        New-ExchangeTestStore
        Set-MessagingProvider -IdentityStore Contoso -Provider None -Force
        $info = Get-MessagingProvider -IdentityStore Contoso
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.MessagingProviderInfo'
        $info.Provider | Should -Be 'None'
    }

    It 'binds identity stores from the pipeline' {
        'A', 'B' | New-IdentityStore | Set-MessagingProvider -Provider Other -Domain example.com
        $providers = Get-IdentityStore | Get-MessagingProvider
        $providers.IdentityStore | Should -Be @('A', 'B')
        $providers.Provider | Should -Be @('Other', 'Other')
    }
}

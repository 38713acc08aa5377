BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    Import-Module $ModuleManifest -Force
}

Describe 'Test-MessagingProviderConnection' -Tag StandIns {
    BeforeEach {
        Initialize-TestConfiguration
        Start-CloudStandIn
    }
    AfterEach {
        Stop-CloudStandIn
        Remove-TestConfiguration
    }

    It 'reports Office 365 with a client secret Online' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $all = @(Test-MessagingProviderConnection -IdentityStore Cloud -Verbose -ErrorVariable err 4>&1)
        $err | Should -HaveCount 0
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $status = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $status | Should -HaveCount 1
        $status = $status[0]
        $status.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ProviderConnectionInfo'
        $status.Status | Should -Be 'Online'
        $status.Provider | Should -Be 'Office365'
        $status.Endpoint | Should -Be $ExchangeOnline.Endpoint.ToString()
        $status.Reason | Should -BeLike '*2 accepted domain(s)*'
        $status.ErrorId | Should -BeNullOrEmpty
        $verbose | Where-Object { $_ -like '*Get-AcceptedDomain*' } | Should -Not -BeNullOrEmpty
        $verbose | Where-Object { $_.Contains($Entra.ClientSecret) } | Should -BeNullOrEmpty -Because 'the client secret is never written to Verbose'
        $ExchangeOnline.Requests | Should -HaveCount 1
        $ExchangeOnline.Requests[0]['CmdletName'].GetValue[string]() | Should -Be 'Get-AcceptedDomain'
    }

    It 'reports Office 365 with a certificate Online' {
        $pfx = New-TestPfx -Name 'mp-app' -Password 'pfx-pass' -NotAfter ([datetimeoffset]::UtcNow.AddYears(1))
        $full = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadPkcs12FromFile($pfx, 'pfx-pass')
        $Entra.UploadedCertificate = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadCertificate($full.RawData)
        $null = New-IdentityStore -Name Cloud
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -CertificatePath $pfx -CertificatePassword (ConvertTo-TestSecureString 'pfx-pass') `
            -AuthorityHost $Entra.AuthorityHost -ExchangeOnlineEndpoint $ExchangeOnline.Endpoint
        $status = @(Get-IdentityStore -Name Cloud | Test-MessagingProviderConnection)
        $status | Should -HaveCount 1
        $status[0].Status | Should -Be 'Online'
        $Entra.VerifiedAssertions | Should -Be 1
    }

    It 'reports a wrong client secret Offline with the reason' {
        New-Office365TestStore -Secret 'not-the-secret'
        $status = @(Test-MessagingProviderConnection -IdentityStore Cloud -ErrorVariable err)
        $err | Should -HaveCount 0
        $status | Should -HaveCount 1
        $status = $status[0]
        $status.Status | Should -Be 'Offline'
        $status.ErrorId | Should -Be 'EntraClientSecretInvalid'
        $status.Reason | Should -BeLike '*AADSTS7000215*'
        $ExchangeOnline.Requests | Should -HaveCount 0
    }

    It 'reports Google Workspace with a JSON key Online' {
        New-GoogleTestStore
        $all = @(Test-MessagingProviderConnection G -Verbose -ErrorVariable err 4>&1)
        $err | Should -HaveCount 0
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $status = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $status | Should -HaveCount 1
        $status[0].Status | Should -Be 'Online'
        $status[0].Provider | Should -Be 'GoogleWorkspace'
        $Google.LastAssertion.Claim('sub') | Should -Be 'admin@contoso.com'
        $verbose | Where-Object { $_ -like '*Get user admin@contoso.com*' } | Should -Not -BeNullOrEmpty
    }

    It 'reports Google Workspace with keyless sign-in Online, through the metadata server named by GCE_METADATA_HOST' {
        $null = New-IdentityStore -Name K
        Set-MessagingProvider -IdentityStore K -Provider GoogleWorkspace -ServiceAccount $Google.ServiceAccount -AdminUser admin@contoso.com -SignIn Impersonation `
            -TokenEndpoint $Google.TokenEndpoint -DirectoryApiEndpoint $Google.DirectoryApi -IamCredentialsEndpoint $Google.IamCredentialsEndpoint
        $env:GCE_METADATA_HOST = $Google.MetadataHost
        try {
            $status = @(Test-MessagingProviderConnection K)
        }
        finally {
            Remove-Item Env:GCE_METADATA_HOST
        }
        $status | Should -HaveCount 1
        $status[0].Status | Should -Be 'Online'
        $Google.MetadataTokenRequests | Should -Be 1
        $Google.SignJwtRequests | Should -Be 1
        $Google.LastAssertion.Claim('sub') | Should -Be 'admin@contoso.com'
    }

    It 'reports Google Workspace keyless sign-in Offline when the machine may not sign for the service account' {
        $null = New-IdentityStore -Name K
        Set-MessagingProvider -IdentityStore K -Provider GoogleWorkspace -ServiceAccount $Google.ServiceAccount -AdminUser admin@contoso.com -SignIn Impersonation `
            -TokenEndpoint $Google.TokenEndpoint -DirectoryApiEndpoint $Google.DirectoryApi -IamCredentialsEndpoint $Google.IamCredentialsEndpoint
        $Google.TokenCreators.Clear()
        $env:GCE_METADATA_HOST = $Google.MetadataHost
        try {
            $status = @(Test-MessagingProviderConnection K)
        }
        finally {
            Remove-Item Env:GCE_METADATA_HOST
        }
        $status | Should -HaveCount 1
        $status[0].Status | Should -Be 'Offline'
        $status[0].ErrorId | Should -Be 'GoogleSignJwtRefused'
    }

    It 'reports Google Workspace without domain-wide delegation Offline' {
        New-GoogleTestStore
        $Google.DelegatedScopes.Clear()
        $status = @(Test-MessagingProviderConnection G)
        $status | Should -HaveCount 1
        $status = $status[0]
        $status.Status | Should -Be 'Offline'
        $status.ErrorId | Should -Be 'GoogleDelegationNotGranted'
    }

    It 'stops waiting for Exchange Online when the command is stopped' {
        New-Office365TestStore -Secret $Entra.ClientSecret
        $ExchangeOnline.Throttle(1, 429, 60)
        Stop-CommandAtExchangeOnline 'Test-MessagingProviderConnection -IdentityStore Cloud'
        $ExchangeOnline.HttpRequests | Should -Be 1
    }

    It 'refuses a provider that is not a cloud one' {
        $null = New-IdentityStore -Name Ext
        Set-MessagingProvider -IdentityStore Ext -Provider Other -Domain example.com
        $output = Test-MessagingProviderConnection -IdentityStore Ext -ErrorVariable err -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'ConnectionTestNotSupported,MessagingProvider.Commands.TestMessagingProviderConnectionCommand'
        $err[0].CategoryInfo.Category | Should -Be 'InvalidOperation'
    }

    It 'reports an unknown identity store' {
        $output = Test-MessagingProviderConnection -IdentityStore Nowhere -ErrorVariable err -ErrorAction SilentlyContinue
        $output | Should -BeNullOrEmpty
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'IdentityStoreNotFound,MessagingProvider.Commands.TestMessagingProviderConnectionCommand'
    }

    It 'never sends anything to a sign-in host whose certificate is not trusted' {
        $untrusted = [MessagingProvider.TestSupport.EntraStandIn]::StartAsync([MessagingProvider.TestSupport.TestTls]::UntrustedCertificate).GetAwaiter().GetResult()
        try {
            $null = New-IdentityStore -Name Cloud
            Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
                -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString $untrusted.ClientSecret) `
                -AuthorityHost $untrusted.AuthorityHost -ExchangeOnlineEndpoint $ExchangeOnline.Endpoint
            $status = @(Test-MessagingProviderConnection -IdentityStore Cloud)
            $status | Should -HaveCount 1
            $status = $status[0]
            $status.Status | Should -Be 'Offline'
            $status.ErrorId | Should -Be 'EntraUnreachable'
            $untrusted.TokenRequests | Should -Be 0
        }
        finally {
            $untrusted.DisposeAsync().AsTask().GetAwaiter().GetResult()
        }
    }
}

# Sign-ins that keep no secret in the store: the app's certificate by thumbprint from the
# certificate store (.NET's X509Store CurrentUser\My, as on Windows), and a managed identity whose
# App Service endpoint (IDENTITY_ENDPOINT/IDENTITY_HEADER, which MSAL honours) the Entra stand-in serves.
Describe 'Test-MessagingProviderConnection with sign-ins that store no secret' -Tag StandIns {
    BeforeEach {
        Initialize-TestConfiguration
        Start-CloudStandIn
        $null = New-IdentityStore -Name Cloud
        $endpoints = @{ AuthorityHost = $Entra.AuthorityHost; ExchangeOnlineEndpoint = $ExchangeOnline.Endpoint; GraphEndpoint = $Graph.Endpoint }
    }
    AfterEach {
        $env:IDENTITY_ENDPOINT = $null
        $env:IDENTITY_HEADER = $null
        if ($installed) {
            $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
            $store.Open('ReadWrite'); $store.Remove($installed); $store.Dispose()
            $installed = $null
        }
        Stop-CloudStandIn
        Remove-TestConfiguration
    }

    It 'signs in with the certificate found by thumbprint in CurrentUser\My, and stores no secret' {
        $certificate = New-TestRsaCertificate 'mp-store-app' ([datetimeoffset]::UtcNow.AddDays(200))
        # Through a PFX so the key is persisted with the certificate in the store.
        $installed = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadPkcs12($certificate.Export('Pkcs12', 'x'), 'x', 'PersistKeySet,Exportable')
        $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
        $store.Open('ReadWrite'); $store.Add($installed); $store.Dispose()
        $Entra.UploadedCertificate = [System.Security.Cryptography.X509Certificates.X509CertificateLoader]::LoadCertificate($certificate.RawData)

        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant -ApplicationId $Entra.ClientId `
            -CertificateThumbprint $installed.Thumbprint.ToLowerInvariant() -CertificateStoreLocation CurrentUser @endpoints -ErrorAction Stop
        $status = Test-MessagingProviderConnection -IdentityStore Cloud -Verbose 4>&1 | Group-Object { $_ -is [System.Management.Automation.VerboseRecord] } -AsHashTable -AsString
        $provider = Get-MessagingProvider -IdentityStore Cloud

        $status['False'][0].Status | Should -Be 'Online' -Because $status['False'][0].Reason
        $Entra.VerifiedAssertions | Should -BeGreaterThan 0
        @($status['True'] | ForEach-Object Message) -join "`n" | Should -BeLike "*certificate $($installed.Thumbprint) from the CurrentUser\My store*"
        $provider.SignIn | Should -Be 'CertificateStore'
        $provider.CertificateThumbprint | Should -BeExactly $installed.Thumbprint
        $provider.CertificateStoreLocation | Should -Be 'CurrentUser'
        $provider.ClientSecret | Should -BeNullOrEmpty
        $provider.Certificate | Should -BeNullOrEmpty
        (Get-StoredConfigurationText) | Should -Not -BeLike '*"pfx"*'
    }

    It 'refuses a thumbprint that is not in the store and changes nothing' {
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant -ApplicationId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $Entra.ClientSecret) @endpoints
        $before = Get-ConfigurationSnapshot

        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -CertificateThumbprint ('AB' * 20) -ErrorVariable err -ErrorAction SilentlyContinue

        Assert-SingleError $err 'AppCertificateNotFound,MessagingProvider.Commands.SetMessagingProviderCommand' ObjectNotFound
        $err[0].Exception.Message | Should -BeLike '*ABABABAB* in the CurrentUser\My certificate store*'
        Assert-ConfigurationUnchanged $before
    }

    It 'signs in with the <Kind> managed identity through the identity endpoint' -TestCases @(
        @{ Kind = 'system-assigned'; ClientId = $null }
        @{ Kind = 'user-assigned'; ClientId = '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b' }
    ) {
        param($Kind, $ClientId)
        $env:IDENTITY_ENDPOINT = $Entra.ManagedIdentityEndpoint.ToString()
        $env:IDENTITY_HEADER = $Entra.IdentityHeader
        $identity = if ($ClientId) { @{ ManagedIdentityClientId = $ClientId } } else { @{ ManagedIdentity = $true } }
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant @identity @endpoints -ErrorAction Stop

        $status = Test-MessagingProviderConnection -IdentityStore Cloud
        $provider = Get-MessagingProvider -IdentityStore Cloud

        $status.Status | Should -Be 'Online' -Because $status.Reason
        $Entra.ManagedIdentityRequests | Should -Be 1
        $Entra.LastManagedIdentityClientId | Should -Be $ClientId
        $Entra.TokenRequests | Should -Be 0 -Because 'a managed identity does not use the token endpoint'
        $provider.SignIn | Should -Be 'ManagedIdentity'
        $provider.ManagedIdentityClientId | Should -Be $ClientId
        $provider.ApplicationId | Should -BeNullOrEmpty
    }

    It 'sends notifications through Microsoft Graph with the managed identity' {
        $env:IDENTITY_ENDPOINT = $Entra.ManagedIdentityEndpoint.ToString()
        $env:IDENTITY_HEADER = $Entra.IdentityHeader
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant -ManagedIdentityClientId '7a1e2b3c-4d5e-4f60-8a9b-0c1d2e3f4a5b' @endpoints -ErrorAction Stop
        Set-NotificationDelivery -IdentityStore Cloud -Method MicrosoftGraph -From notifications@contoso.com -ErrorAction Stop

        $result = 'Sales' | Send-Notification -IdentityStore Cloud -Event ObjectModified -To ivan@contoso.com -ErrorAction Stop

        "$($result.Status)" | Should -Be 'Sent'
        $Graph.Sent.Count | Should -Be 1
        $Entra.ManagedIdentityRequests | Should -Be 1
    }

    It 'reports Offline with ManagedIdentityUnavailable when the identity endpoint refuses' {
        $env:IDENTITY_ENDPOINT = $Entra.ManagedIdentityEndpoint.ToString()
        $env:IDENTITY_HEADER = 'not-the-header'
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization $Entra.Tenant -ManagedIdentity @endpoints -ErrorAction Stop

        $status = Test-MessagingProviderConnection -IdentityStore Cloud

        $status.Status | Should -Be 'Offline'
        $status.ErrorId | Should -Be 'ManagedIdentityUnavailable'
        $status.Reason | Should -BeLike '*system-assigned managed identity*'
    }
}

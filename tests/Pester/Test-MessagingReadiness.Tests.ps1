# Test-MessagingReadiness: for each check a fixture store that triggers it and one that does not,
# the Microsoft Graph read of the app registration against the Graph stand-in, and the HTML report
# rendered in headless Chromium.
BeforeAll {
    . "$PSScriptRoot/CloudStandIns.common.ps1"

    # Changes a stored identity store's JSON where no cmdlet sets the value (a probed server version,
    # the time of a mailbox sign-in): what Sync-ExchangeServer or Connect-EntraSmtpMailbox would record.
    function Edit-StoredStore([string] $Name, [scriptblock] $Change) {
        $path = (Get-IdentityStore -Name $Name).Path
        $json = Get-Content -Raw $path | ConvertFrom-Json -AsHashtable
        & $Change $json
        [System.IO.File]::WriteAllText($path, ($json | ConvertTo-Json -Depth 30))
    }

    function New-StoreWithSmtp([string] $Name, [string] $Server, [string] $Authentication = 'Basic') {
        $null = New-IdentityStore -Name $Name
        $common = @{ IdentityStore = $Name; Server = $Server; Port = 587; From = 'notify@contoso.com'; WarningAction = 'SilentlyContinue'; ErrorAction = 'Stop' }
        switch ($Authentication) {
            'Basic' { Set-SmtpServer @common -Authentication Basic -Credential (New-TestCredential notify@contoso.com 'pw-1234') }
            'AppOnly' {
                Set-SmtpServer @common -Authentication OAuth2 -TokenEndpoint 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' `
                    -ClientId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cs') -Scope 'https://outlook.office365.com/.default'
            }
            'Ropc' {
                Set-SmtpServer @common -Authentication OAuth2 -TokenEndpoint 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' `
                    -ClientId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cs') -Scope 'https://outlook.office365.com/.default' `
                    -Credential (New-TestCredential notify@contoso.com 'pw-1234')
            }
        }
    }

    function New-TestP12([string] $Name, [datetimeoffset] $NotBefore, [datetimeoffset] $NotAfter) {
        $directory = "$script:ConfigDirectory-files"
        $null = [System.IO.Directory]::CreateDirectory($directory)
        $certificate = New-TestRsaCertificate $Name $NotAfter $NotBefore
        $path = [System.IO.Path]::Combine($directory, "$Name.p12")
        [System.IO.File]::WriteAllBytes($path, $certificate.Export('Pkcs12', 'notasecret'))
        $path
    }

    function Get-Finding([string] $Store, [string] $Check) {
        @(Test-MessagingReadiness -IdentityStore $Store -Offline -WarningAction SilentlyContinue -ErrorAction Stop | Where-Object Check -eq $Check)
    }
}

Describe 'Test-MessagingReadiness' {
    BeforeEach {
        Initialize-TestConfiguration
        Import-Module $script:ModuleManifest -Force -ErrorAction Stop
    }
    AfterEach { Remove-TestConfiguration }

    It 'reports Basic SMTP to Exchange Online, and not Basic elsewhere or app-only OAuth2' {
        New-StoreWithSmtp Basic smtp.office365.com
        New-StoreWithSmtp Elsewhere mail.contoso.com
        New-StoreWithSmtp AppOnly smtp.office365.com AppOnly

        $found = Get-Finding Basic BasicSmtpToExchangeOnline
        $found.Count | Should -Be 1
        $found[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.ReadinessFinding'
        $found[0].IdentityStore | Should -Be 'Basic'
        $found[0].Severity | Should -Be 'Critical'
        $found[0].DueDate | Should -Be ([datetimeoffset]::new(2026, 12, 31, 0, 0, 0, [timespan]::Zero))
        $found[0].Subject | Should -Be 'SMTP server smtp.office365.com:587 (Basic)'
        $found[0].WhatBreaks | Should -BeLike '*end of December 2026*535 5.7.139*'
        $found[0].Fix | Should -BeLike '*Set-SmtpServer -Authentication OAuth2*Set-EntraSmtpClient*'
        (Get-Finding Elsewhere BasicSmtpToExchangeOnline).Count | Should -Be 0
        (Get-Finding AppOnly BasicSmtpToExchangeOnline).Count | Should -Be 0
    }

    It 'reports the OAuth2 password grant to Exchange Online as a Warning' {
        New-StoreWithSmtp Ropc smtp.office365.com Ropc

        $found = Get-Finding Ropc BasicSmtpToExchangeOnline
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Warning'
        $found[0].WhatBreaks | Should -BeLike '*password grant (ROPC)*multi-factor*Conditional Access*'
    }

    It 'reports an Exchange mail server pointed at Exchange Online, and not one on premises' {
        $null = New-IdentityStore -Name Ews
        $null = New-MailServer -IdentityStore Ews -Name 'EXO' -ServiceType Exchange -ServiceAddress outlook.office365.com -Receive -WarningAction SilentlyContinue
        $null = New-IdentityStore -Name OnPrem
        $null = New-MailServer -IdentityStore OnPrem -Name 'Exchange' -ServiceType Exchange -ServiceAddress mail.contoso.com -Receive

        $found = Get-Finding Ews EwsToExchangeOnline
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Critical' -Because 'the tenant switch-off started on 1 October 2026'
        $found[0].DueDate | Should -Be ([datetimeoffset]::new(2027, 4, 1, 0, 0, 0, [timespan]::Zero))
        $found[0].Subject | Should -BeExactly "Mail server 'EXO' (Exchange, outlook.office365.com)"
        $found[0].Fix | Should -BeLike '*New-MailServer -Name <name> -ServiceType MicrosoftGraph -Authentication OAuth2*'
        (Get-Finding OnPrem EwsToExchangeOnline).Count | Should -Be 0
    }

    It 'reports Exchange servers whose probed version is 2013, 2016 or 2019, and not SE or unprobed ones' {
        New-ExchangeTestStore Old
        Edit-StoredStore Old {
            param($json)
            $json.messaging.exchange.servers = @(
                @{ name = 'ex13.contoso.com'; priority = 1; status = 'Online'; version = 'Version 15.0 (Build 1497.2)' }
                @{ name = 'ex16.contoso.com'; priority = 2; status = 'Online'; version = 'Version 15.1 (Build 2507.6)' }
                @{ name = 'ex19.contoso.com'; priority = 3; status = 'Online'; version = 'Version 15.2 (Build 1544.4)' })
        }
        New-ExchangeTestStore Current
        Edit-StoredStore Current {
            param($json)
            $json.messaging.exchange.servers = @(
                @{ name = 'exse.contoso.com'; priority = 1; status = 'Online'; version = 'Version 15.2 (Build 2562.17)' }
                @{ name = 'new.contoso.com'; priority = 2; status = 'Unknown' })
        }

        $found = Get-Finding Old ExchangeServerOutOfSupport
        @($found | ForEach-Object Subject | Sort-Object) | Should -Be @(
            'Exchange server ex13.contoso.com (Version 15.0 (Build 1497.2))'
            'Exchange server ex16.contoso.com (Version 15.1 (Build 2507.6))'
            'Exchange server ex19.contoso.com (Version 15.2 (Build 1544.4))')
        ($found | Where-Object Subject -like '*ex13*').DueDate | Should -Be ([datetimeoffset]::new(2023, 4, 11, 0, 0, 0, [timespan]::Zero))
        ($found | Where-Object Subject -like '*ex19*').DueDate | Should -Be ([datetimeoffset]::new(2025, 10, 14, 0, 0, 0, [timespan]::Zero))
        ($found | Where-Object Subject -like '*ex19*').WhatBreaks | Should -BeLike 'Exchange Server 2019 is out of support*'
        @($found | ForEach-Object Severity | Select-Object -Unique) | Should -Be @('Critical')
        (Get-Finding Current ExchangeServerOutOfSupport).Count | Should -Be 0
    }

    It 'reports the stored Office 365 certificate within -ExpiringWithinDays, and not one that lasts' {
        $soon = New-TestPfx 'app-soon' 'Pfx-P@ss-1' ([datetimeoffset]::UtcNow.AddDays(10))
        $null = New-IdentityStore -Name Soon
        Set-MessagingProvider -IdentityStore Soon -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -CertificatePath $soon -CertificatePassword (ConvertTo-TestSecureString 'Pfx-P@ss-1') -WarningAction SilentlyContinue
        $later = New-TestPfx 'app-later' 'Pfx-P@ss-1' ([datetimeoffset]::UtcNow.AddDays(400))
        $null = New-IdentityStore -Name Later
        Set-MessagingProvider -IdentityStore Later -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -CertificatePath $later -CertificatePassword (ConvertTo-TestSecureString 'Pfx-P@ss-1')

        $found = Get-Finding Soon StoredCredentialExpiring
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Critical'
        $found[0].Subject | Should -BeLike 'Office 365 app certificate CN=app-soon (*)'
        $found[0].WhatBreaks | Should -BeLike 'Expires on * (in 10 days)*'
        (Get-Finding Soon StoredCredentialExpiring -ErrorAction Stop).Count | Should -Be 1
        @(Test-MessagingReadiness -IdentityStore Soon -Offline -ExpiringWithinDays 5 -WarningAction SilentlyContinue | Where-Object Check -eq StoredCredentialExpiring).Count | Should -Be 0
        (Get-Finding Later StoredCredentialExpiring).Count | Should -Be 0
    }

    It 'reports a Google JSON key file, an old P12 key by its age and an expiring one, and nothing for a store without Google' {
        $null = New-IdentityStore -Name Json
        Set-MessagingProvider -IdentityStore Json -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath (New-TestGoogleJsonKey 'mp@contoso-mail.iam.gserviceaccount.com')
        $old = New-TestP12 'old-key' ([datetimeoffset]::UtcNow.AddDays(-200)) ([datetimeoffset]::new(9999, 12, 31, 0, 0, 0, [timespan]::Zero))
        $null = New-IdentityStore -Name OldP12
        Set-MessagingProvider -IdentityStore OldP12 -Provider GoogleWorkspace -ServiceAccount mp@contoso-mail.iam.gserviceaccount.com -AdminUser admin@contoso.com -KeyPath $old
        $fresh = New-TestP12 'fresh-key' ([datetimeoffset]::UtcNow.AddDays(-10)) ([datetimeoffset]::UtcNow.AddDays(7))
        $null = New-IdentityStore -Name FreshP12
        Set-MessagingProvider -IdentityStore FreshP12 -Provider GoogleWorkspace -ServiceAccount mp@contoso-mail.iam.gserviceaccount.com -AdminUser admin@contoso.com -KeyPath $fresh -WarningAction SilentlyContinue
        New-StoreWithSmtp NoGoogle mail.contoso.com

        $json = Get-Finding Json GoogleKeyFile
        $json.Count | Should -Be 1
        $json[0].Severity | Should -Be 'Information'
        $json[0].WhatBreaks | Should -BeLike '*iam.disableServiceAccountKeyCreation*JSON key does not record when it was made*'
        $oldFound = Get-Finding OldP12 GoogleKeyFile
        $oldFound.Count | Should -Be 1
        $oldFound[0].Severity | Should -Be 'Warning'
        $oldFound[0].WhatBreaks | Should -BeLike '*(200 days ago), older than the 90 days*'
        $oldFound[0].DueDate.Date | Should -Be ([datetimeoffset]::UtcNow.AddDays(-110).Date)
        (Get-Finding OldP12 StoredCredentialExpiring).Count | Should -Be 0
        $freshFound = Get-Finding FreshP12 GoogleKeyFile
        $freshFound[0].Severity | Should -Be 'Information'
        $freshFound[0].WhatBreaks | Should -BeLike '*(10 days ago).'
        (Get-Finding FreshP12 StoredCredentialExpiring)[0].Subject | Should -BeLike 'Google service-account P12 key * (mp@contoso-mail.iam.gserviceaccount.com)'
        (Get-Finding NoGoogle GoogleKeyFile).Count | Should -Be 0
    }

    It 'recommends keyless sign-in for a key file, and does not flag a store that signs in keyless' {
        $null = New-IdentityStore -Name Keyed
        Set-MessagingProvider -IdentityStore Keyed -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath (New-TestGoogleJsonKey 'mp@contoso-mail.iam.gserviceaccount.com')
        $null = New-IdentityStore -Name Keyless
        Set-MessagingProvider -IdentityStore Keyless -Provider GoogleWorkspace -ServiceAccount mp@contoso-mail.iam.gserviceaccount.com -AdminUser admin@contoso.com -SignIn Impersonation

        (Get-Finding Keyed GoogleKeyFile)[0].Fix | Should -BeLike '*Service Account Token Creator*Set-MessagingProvider -Provider GoogleWorkspace -SignIn Impersonation*'
        (Get-Finding Keyless GoogleKeyFile).Count | Should -Be 0
        (Get-Finding Keyless StoredCredentialExpiring).Count | Should -Be 0
    }

    It 'reports the client secret by the expiry the user stored when Graph is not read, and not one that lasts' {
        $common = @{ Provider = 'Office365'; Domain = 'contoso.com'; Organization = 'contoso.onmicrosoft.com'; ApplicationId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'; ClientSecret = (ConvertTo-TestSecureString 'cs') }
        $null = New-IdentityStore -Name SecretSoon
        Set-MessagingProvider -IdentityStore SecretSoon @common -ClientSecretExpiry ([datetime]::UtcNow.AddDays(20))
        $null = New-IdentityStore -Name SecretLater
        Set-MessagingProvider -IdentityStore SecretLater @common -ClientSecretExpiry ([datetime]::UtcNow.AddDays(400))
        $null = New-IdentityStore -Name SecretUnknown
        Set-MessagingProvider -IdentityStore SecretUnknown @common

        $found = Get-Finding SecretSoon AppCredentialExpiring
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Critical'
        $found[0].Subject | Should -Be 'App registration 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 client secret (stored expiry)'
        $found[0].WhatBreaks | Should -BeLike '*expires on * (the date given with -ClientSecretExpiry; in 20 days)*'
        $found[0].Fix | Should -BeLike '*-ClientSecret <new secret> -ClientSecretExpiry <its expiry>*'
        (Get-Finding SecretLater AppCredentialExpiring).Count | Should -Be 0
        (Get-Finding SecretUnknown AppCredentialExpiring).Count | Should -Be 0
    }

    It 'reports an Entra ID SMTP client sign-in that lapses within the period, and not a recent one' {
        foreach ($name in 'Stale', 'Recent') {
            $null = New-IdentityStore -Name $name
            Set-EntraSmtpClient -IdentityStore $name -TenantId contoso.onmicrosoft.com -ClientId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cs')
        }
        Edit-StoredStore Stale { param($json) $json.entraSmtpClient.mailboxUser = 'smtp@contoso.com'; $json.entraSmtpClient.signedIn = [datetimeoffset]::UtcNow.AddDays(-80).ToString('o') }
        Edit-StoredStore Recent { param($json) $json.entraSmtpClient.mailboxUser = 'smtp@contoso.com'; $json.entraSmtpClient.signedIn = [datetimeoffset]::UtcNow.AddDays(-5).ToString('o') }

        $found = Get-Finding Stale EntraSmtpSignInExpiring
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Critical'
        $found[0].Subject | Should -Be 'Entra ID SMTP client mailbox smtp@contoso.com'
        $found[0].DueDate.Date | Should -Be ([datetimeoffset]::UtcNow.AddDays(10).Date)
        $found[0].Fix | Should -BeLike 'Connect-EntraSmtpMailbox*'
        (Get-Finding Recent EntraSmtpSignInExpiring).Count | Should -Be 0
    }

    It 'reports the unconfirmed USGovDoD SMTP host, and not the confirmed GCC High one' {
        New-StoreWithSmtp DoD outlook-dod.office365.us AppOnly
        New-StoreWithSmtp High smtp.office365.us AppOnly

        $found = Get-Finding DoD UnconfirmedSovereignHost
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Information'
        $found[0].Subject | Should -Be 'SMTP server outlook-dod.office365.us'
        (Get-Finding High UnconfirmedSovereignHost).Count | Should -Be 0
    }

    It 'checks every store by default and by wildcard, says which checks -Offline skipped, and reports an unknown store' {
        New-StoreWithSmtp Contoso smtp.office365.com
        New-StoreWithSmtp Fabrikam smtp.office365.com
        $null = New-IdentityStore -Name Cloud
        Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-TestSecureString 'cs')

        $all = @(Test-MessagingReadiness -Offline -WarningVariable warnings -WarningAction SilentlyContinue)
        $some = @(Test-MessagingReadiness -IdentityStore 'Fab*' -Offline -WarningAction SilentlyContinue)
        $null = Test-MessagingReadiness -IdentityStore Nowhere -Offline -ErrorVariable err -ErrorAction SilentlyContinue

        @($all | ForEach-Object IdentityStore | Sort-Object) | Should -Be @('Contoso', 'Fabrikam')
        @($some | ForEach-Object IdentityStore) | Should -Be @('Fabrikam')
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Skipped AppCredentialExpiring for 'Cloud': -Offline*not read from Microsoft Graph*"
        Assert-SingleError $err 'IdentityStoreNotFound,MessagingProvider.Commands.TestMessagingReadinessCommand' ObjectNotFound
    }

    It 'writes a self-contained HTML report with -Path, nothing with -WhatIf, and an error for a path it cannot write' {
        New-StoreWithSmtp Contoso smtp.office365.com
        $null = New-IdentityStore -Name Clean
        $path = [System.IO.Path]::Combine("$script:ConfigDirectory-files", 'report.html')
        $null = [System.IO.Directory]::CreateDirectory("$script:ConfigDirectory-files")

        $null = Test-MessagingReadiness -Offline -Path $path -WhatIf
        [System.IO.File]::Exists($path) | Should -BeFalse
        $findings = @(Test-MessagingReadiness -Offline -Path $path)
        $null = Test-MessagingReadiness -Offline -Path ([System.IO.Path]::Combine($path, 'not-a-folder', 'r.html')) -ErrorVariable err -ErrorAction SilentlyContinue

        $findings.Count | Should -Be 1
        $html = Get-Content -Raw $path
        $html | Should -BeLike '<!DOCTYPE html>*<h2>Identity store Clean</h2>*Nothing found*<h2>Identity store Contoso</h2>*2026-12-31*SMTP server smtp.office365.com:587 (Basic)*'
        $html | Should -Not -Match '<script|src=|href='
        Assert-SingleError $err 'ReadinessReportUnwritable,MessagingProvider.Commands.TestMessagingReadinessCommand' PermissionDenied
    }
}

Describe 'Test-MessagingReadiness reading the app registration from Microsoft Graph' -Tag StandIns {
    BeforeAll { Start-CloudStandIn }
    AfterAll { Stop-CloudStandIn }
    BeforeEach {
        Initialize-TestConfiguration
        Import-Module $script:ModuleManifest -Force -ErrorAction Stop
        $script:Graph.ApplicationReadGranted = $true
        $script:Graph.ApplicationCredentials.Clear()
        New-Office365TestStore $script:Entra.ClientSecret
    }
    AfterEach { Remove-TestConfiguration }

    It 'reports the client secret that expires within the period, and not the certificate that lasts' {
        $script:Graph.ApplicationCredentials.Add([System.ValueTuple[bool, string, datetimeoffset]]::new($false, 'mp-secret', [datetimeoffset]::UtcNow.AddDays(5)))
        $script:Graph.ApplicationCredentials.Add([System.ValueTuple[bool, string, datetimeoffset]]::new($true, 'mp-cert', [datetimeoffset]::UtcNow.AddDays(400)))

        $found = @(Test-MessagingReadiness -IdentityStore Cloud -WarningVariable warnings | Where-Object Check -eq AppCredentialExpiring)

        $warnings.Count | Should -Be 0
        $script:Graph.LastApplicationFilter | Should -BeExactly "appId eq '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'"
        $found.Count | Should -Be 1
        $found[0].Severity | Should -Be 'Critical'
        $found[0].Subject | Should -BeLike "App registration 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 client secret 'mp-secret' (*)"
        $found[0].DueDate.Date | Should -Be ([datetimeoffset]::UtcNow.AddDays(5).UtcDateTime.Date)
        $found[0].Fix | Should -BeLike 'Add a new client secret*Set-MessagingProvider -Provider Office365 -ClientSecret*'
    }

    It 'says it skipped the check when Graph refuses, and does not ask Graph with -Offline' {
        $script:Graph.ApplicationReadGranted = $false
        $before = $script:Graph.Requests

        $null = Test-MessagingReadiness -IdentityStore Cloud -Offline -WarningAction SilentlyContinue
        $offlineRequests = $script:Graph.Requests - $before
        $found = @(Test-MessagingReadiness -IdentityStore Cloud -WarningVariable warnings -WarningAction SilentlyContinue)

        $offlineRequests | Should -Be 0
        @($found | Where-Object Check -eq AppCredentialExpiring).Count | Should -Be 0
        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "Skipped AppCredentialExpiring for 'Cloud': *(AppRegistrationReadDenied)*Application.Read.All*"
    }
}

Describe 'Test-MessagingReadiness findings mailed with Send-Notification -Event ReadinessFindings' -Tag StandIns {
    BeforeEach {
        Initialize-TestConfiguration
        Import-Module $script:ModuleManifest -Force -ErrorAction Stop
        $fault = [MessagingProvider.TestSupport.FaultSmtpServer]::new()
        New-StoreWithSmtp Contoso smtp.office365.com
        $null = New-MailServer -IdentityStore Contoso -Name 'EXO' -ServiceType Exchange -ServiceAddress outlook.office365.com -Receive -WarningAction SilentlyContinue
        New-StoreWithSmtp Fabrikam smtp.office365.com
        # Notifications of the job go through the store Ops, to the loopback SMTP server.
        $null = New-IdentityStore -Name Ops
        Set-SmtpServer -IdentityStore Ops -Server 127.0.0.1 -Port $fault.Port -From 'notify@contoso.test' -Security None -Authentication Anonymous -ErrorAction Stop
        Set-NotificationDelivery -IdentityStore Ops -Timeout '00:00:05' -ErrorAction Stop
    }
    AfterEach { $fault.Dispose(); Remove-TestConfiguration }

    It 'sends every finding of the run in one message with the built-in template' {
        $results = @(Test-MessagingReadiness -IdentityStore Contoso, Fabrikam -Offline | Send-Notification -IdentityStore Ops -Event ReadinessFindings -To admins@contoso.test -ErrorVariable err)

        $err.Count | Should -Be 0
        $results.Count | Should -Be 1
        "$($results[0].Status)" | Should -Be 'Sent'
        $results[0].Subject | Should -BeExactly 'Messaging readiness: 3 finding(s), 3 critical, in Contoso, Fabrikam'
        $mail = @($fault.For('admins@contoso.test'))
        $mail.Count | Should -Be 1
        $body = $mail[0].Data
        $body | Should -BeLike '*X-MessagingProvider-Event: ReadinessFindings*'
        $body | Should -BeLike "*Identity store Contoso*- ``[Critical``] due 2026-12-31: SMTP server smtp.office365.com:587 (Basic) (BasicSmtpToExchangeOnline)*Fix: Switch to OAuth 2.0*- ``[Critical``] due 2027-04-01: Mail server 'EXO'*Identity store Fabrikam*- ``[Critical``] due 2026-12-31*"
        $body | Should -BeLike '*This notification was sent for the identity store Ops.*'
    }

    It 'sends nothing when there is nothing to report, and refuses input that is not a finding' {
        $none = @(Test-MessagingReadiness -IdentityStore Ops -Offline | Send-Notification -IdentityStore Ops -Event ReadinessFindings -To admins@contoso.test)
        $null = 'group1' | Send-Notification -IdentityStore Ops -Event ReadinessFindings -To admins@contoso.test -ErrorVariable err -ErrorAction SilentlyContinue

        $none.Count | Should -Be 0
        $fault.Connections | Should -Be 0
        Assert-SingleError $err 'ReadinessFindingExpected,MessagingProvider.Commands.SendNotificationCommand' InvalidArgument
    }
}

Describe 'Test-MessagingReadiness HTML report in a browser' -Tag LinuxOnly {
    BeforeEach {
        Initialize-TestConfiguration
        Import-Module $script:ModuleManifest -Force -ErrorAction Stop
    }
    AfterEach { Remove-TestConfiguration }

    It 'renders in headless Chromium' {
        $chromium = (Get-Command chromium, chromium-browser -CommandType Application -ErrorAction SilentlyContinue | Select-Object -First 1).Source
        $chromium | Should -Not -BeNullOrEmpty -Because 'chromium is in tests/apt-packages.txt'
        New-StoreWithSmtp Contoso smtp.office365.com
        $null = New-MailServer -IdentityStore Contoso -Name 'EXO' -ServiceType Exchange -ServiceAddress outlook.office365.com -Receive -WarningAction SilentlyContinue
        $directory = "$script:ConfigDirectory-files"
        $null = [System.IO.Directory]::CreateDirectory($directory)
        $html = [System.IO.Path]::Combine($directory, 'readiness.html')
        $png = [System.IO.Path]::Combine($directory, 'readiness.png')
        $null = Test-MessagingReadiness -Offline -Path $html

        $process = Start-Process -FilePath $chromium -PassThru -NoNewWindow -RedirectStandardError ([System.IO.Path]::Combine($directory, 'chromium.log')) -ArgumentList @(
            '--headless=new', '--no-sandbox', '--disable-gpu', "--user-data-dir=$directory/profile", "--screenshot=$png", '--window-size=1000,1200', "file://$html")
        if (-not $process.WaitForExit(60000)) { $process.Kill($true); throw 'Chromium did not finish the screenshot within 60 s' }

        $process.ExitCode | Should -Be 0
        [System.IO.File]::Exists($png) | Should -BeTrue
        $bytes = [System.IO.File]::ReadAllBytes($png)
        [System.Text.Encoding]::ASCII.GetString($bytes, 1, 3) | Should -Be 'PNG'
        # The PNG header's width and height (big-endian at 16 and 20) are the window size.
        ($bytes[16] * 16777216 + $bytes[17] * 65536 + $bytes[18] * 256 + $bytes[19]) | Should -Be 1000
        ($bytes[20] * 16777216 + $bytes[21] * 65536 + $bytes[22] * 256 + $bytes[23]) | Should -Be 1200
        # What the browser built from the file: the store's section and its findings.
        $dom = & $chromium --headless=new --no-sandbox --disable-gpu "--user-data-dir=$directory/profile" --dump-dom "file://$html" 2>$null | Out-String
        $dom | Should -BeLike '*<h1>Messaging readiness report</h1>*<h2>Identity store Contoso</h2>*BasicSmtpToExchangeOnline*EwsToExchangeOnline*'
        if ($env:MESSAGINGPROVIDER_SCREENSHOT) { Copy-Item $png $env:MESSAGINGPROVIDER_SCREENSHOT }
    }
}

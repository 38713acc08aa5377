# The built-in HTML templates as a real browser shows them: each one previewed with
# Get-NotificationPreview -HtmlPath and screenshot by Debian's headless Chromium, light and dark.
# The screenshots land in out/screenshots; docs/images/notification-<Event>.png are copies of the light ones.
BeforeAll {
    . "$PSScriptRoot/common.ps1"
    Import-Module $ModuleManifest -Force
    $script:Shots = [System.IO.Path]::Combine($RepoRoot, 'out', 'screenshots')
    $null = [System.IO.Directory]::CreateDirectory($Shots)
}

Describe 'The built-in notification templates in Chromium' -Tag LinuxOnly {
    BeforeAll {
        Initialize-TestConfiguration
        $null = New-IdentityStore -Name Contoso
        Set-NotificationPolicy -IdentityStore Contoso -NotifyAddedMembers -NotifyRemovedMembers -PortalUrl 'https://portal.contoso.com/' -ErrorAction Stop
        $script:Group = [pscustomobject]@{ DisplayName = 'Sales EMEA'; Mail = 'sales-emea@contoso.com'; ObjectClass = 'group'
            ManagedBy = [pscustomobject]@{ DisplayName = 'Olga Owner'; Mail = 'olga@contoso.com' } }
        $script:Member = [pscustomobject]@{ DisplayName = 'Anna Müller'; GivenName = 'Anna'; Mail = 'anna.mueller@contoso.com'; Department = 'Sales' }
        $script:Admin = [pscustomobject]@{ DisplayName = 'Erin Admin'; Mail = 'erin@contoso.com' }
    }
    AfterAll { Remove-TestConfiguration }

    It 'renders <Event> readably, light and dark' -ForEach @(
        'ObjectModified', 'MemberAdded', 'MemberRemoved', 'MembershipAdded', 'MembershipRemoved', 'MembershipExpiring',
        'AdditionalOwnerAdded', 'AdditionalOwnerRemoved', 'AdditionalOwnerExpiring' | ForEach-Object { @{ Event = $_ } }
    ) {
        $html = [System.IO.Path]::Combine($Shots, "notification-$Event.html")
        $preview = @(Get-NotificationPreview -IdentityStore Contoso -Event $Event -InputObject $Group -Member $Member -ChangedBy $Admin `
                -ExpirationDate ([datetime]'2026-12-20') -To 'helpdesk@contoso.com' -Culture en-US -HtmlPath $html -WarningAction SilentlyContinue -ErrorAction Stop)
        $preview.Count | Should -Be 1
        $preview[0].Template | Should -BeExactly 'built-in en-US'

        foreach ($scheme in 'light', 'dark') {
            $png = [System.IO.Path]::Combine($Shots, "notification-$Event-$scheme.png")
            [MessagingProvider.TestSupport.Browser.HeadlessChromium]::Screenshot($html, $png, 800, 1000, $scheme -eq 'dark')

            $image = [MessagingProvider.TestSupport.Browser.PngImage]::Load($png)
            $image.Width | Should -Be 800
            $image.Height | Should -Be 1000
            # Text, a card and a background: far more than one colour (anti-aliased glyphs give dozens).
            $image.CountColours() | Should -BeGreaterThan 20 -Because "$png must show the message, not a blank page"
        }
    }
    It 'renders the readiness findings of Test-MessagingReadiness, light and dark' {
        # The type lives in the module's private load context: reach it through the cmdlet that returns it.
        $findingType = (Get-Command Test-MessagingReadiness).OutputType[0].Type
        function New-Finding([hashtable] $Values) { $finding = $findingType::new(); foreach ($key in $Values.Keys) { $finding.$key = $Values[$key] }; $finding }
        $findings = @(
            New-Finding @{ IdentityStore = 'Contoso'; Severity = 'Critical'; Check = 'BasicSmtpToExchangeOnline'; DueDate = [datetimeoffset]'2026-12-31'
                Subject = 'SMTP server smtp.office365.com:587 (Basic)'; WhatBreaks = 'Exchange Online refuses Basic SMTP AUTH: notifications stop.'
                Fix = 'Set-SmtpServer -Authentication OAuth2, or Enable-EntraSmtpClient.' }
            New-Finding @{ IdentityStore = 'Contoso'; Severity = 'Warning'; Check = 'StoredCredentialExpiring'; DueDate = [datetimeoffset]'2027-01-15'
                Subject = "The stored certificate 'CN=messaging' of the app registration"; WhatBreaks = 'Sign-in to Exchange Online and Graph fails after that day.'
                Fix = 'Renew the certificate and set it with Set-MessagingProvider -CertificatePath.' }
            New-Finding @{ IdentityStore = 'Fabrikam'; Severity = 'Critical'; Check = 'ExchangeServerOutOfSupport'; DueDate = [datetimeoffset]'2025-10-14'
                Subject = 'Exchange server exch01.fabrikam.com (Exchange 2016)'; WhatBreaks = 'No security updates since support ended.'
                Fix = 'Move to Exchange Server SE.' }
        )
        $html = [System.IO.Path]::Combine($Shots, 'notification-ReadinessFindings.html')

        $preview = @(Get-NotificationPreview -IdentityStore Contoso -Event ReadinessFindings -InputObject $findings -To 'admins@contoso.com' -Culture en-US -HtmlPath $html -ErrorAction Stop)

        $preview.Count | Should -Be 1
        $preview[0].Subject | Should -BeExactly 'Messaging readiness: 3 finding(s), 2 critical, in Contoso, Fabrikam'
        $preview[0].TextBody | Should -BeLike "*Identity store Contoso*- ``[Critical``] due 2026-12-31: SMTP server smtp.office365.com:587 (Basic) (BasicSmtpToExchangeOnline)*Identity store Fabrikam*"
        foreach ($scheme in 'light', 'dark') {
            $png = [System.IO.Path]::Combine($Shots, "notification-ReadinessFindings-$scheme.png")
            [MessagingProvider.TestSupport.Browser.HeadlessChromium]::Screenshot($html, $png, 800, 1000, $scheme -eq 'dark')

            $image = [MessagingProvider.TestSupport.Browser.PngImage]::Load($png)
            $image.Width | Should -Be 800
            $image.CountColours() | Should -BeGreaterThan 20 -Because "$png must show the findings, not a blank page"
        }
    }
}

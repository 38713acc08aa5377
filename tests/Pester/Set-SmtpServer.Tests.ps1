BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
    $sender = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
}
AfterAll { $server.Dispose() }

Describe 'Set-SmtpServer' -Tag LinuxOnly {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'stores the server, keeps what a later call does not give, returns it masked with -PassThru and never writes the password in plain text' {
        New-ContosoWithSmtp $server
        $info = @(Set-SmtpServer -IdentityStore Contoso -Port $server.StartTlsPort -PassThru -ErrorVariable err)
        $err.Count | Should -Be 0
        $info.Count | Should -Be 1
        $info[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.SmtpServerInfo'
        $info[0].Server | Should -Be $server.Host
        $info[0].Port | Should -Be $server.StartTlsPort
        $info[0].Security | Should -Be 'StartTls'
        $info[0].Authentication | Should -Be 'Basic'
        $info[0].UserName | Should -Be $sender
        $info[0].Password | Should -Be '********'
        $text = Get-StoredConfigurationText
        $text | Should -Not -BeNullOrEmpty
        $text.Contains($server.SenderPassword) | Should -BeFalse
    }

    It 'rejects an invalid From or incomplete OAuth2 settings and stores nothing' {
        New-ContosoWithSmtp $server
        $before = Get-ConfigurationSnapshot

        Set-SmtpServer -IdentityStore Contoso -From 'not an address' -ErrorVariable bad -ErrorAction SilentlyContinue
        Set-SmtpServer -IdentityStore Contoso -Authentication OAuth2 -ClientId abc -ErrorVariable incomplete -ErrorAction SilentlyContinue

        $bad.Count | Should -Be 1
        $bad[0].FullyQualifiedErrorId | Should -Be 'InvalidEmailAddress,MessagingProvider.Commands.SetSmtpServerCommand'
        $bad[0].CategoryInfo.Category | Should -Be 'InvalidArgument'
        $incomplete.Count | Should -Be 1
        $incomplete[0].FullyQualifiedErrorId | Should -Be 'SmtpSettingsIncomplete,MessagingProvider.Commands.SetSmtpServerCommand'
        $incomplete[0].Exception.Message | Should -BeLikeExactly '*-TokenEndpoint*'
        Assert-ConfigurationUnchanged $before
    }

    It 'changes nothing with -WhatIf' {
        New-ContosoWithSmtp $server
        $before = Get-ConfigurationSnapshot

        Set-SmtpServer -IdentityStore Contoso -Port 2525 -WhatIf -ErrorVariable err

        $err.Count | Should -Be 0
        Assert-ConfigurationUnchanged $before
        (Get-SmtpServer -IdentityStore Contoso).Port | Should -Be $server.StartTlsPort
    }

    It 'stores OAuth2 settings that get a real token from the pinned token endpoint, and never shows the secret or the token' {
        New-IdentityStore -Name Contoso | Out-Null
        Set-SmtpServer -IdentityStore Contoso -Server $server.Host -Port $server.StartTlsPort -From heidi@test.local -Security StartTls -Authentication OAuth2 `
            -TokenEndpoint $server.TokenEndpoint.TokenEndpointFor('contoso') -ClientId ([MessagingProvider.TestSupport.OAuthTokenEndpoint]::ClientId) `
            -ClientSecret (ConvertTo-TestSecureString $server.TokenEndpoint.ClientSecret) -Scope ([MessagingProvider.TestSupport.OAuthTokenEndpoint]::Scope) `
            -Credential (New-TestCredential heidi@test.local ([MessagingProvider.TestSupport.MailServerFixture]::MailboxPassword)) `
            -CertificateThumbprint $server.Certificate.Thumbprint, $server.TokenEndpoint.Certificate.Thumbprint -ErrorAction Stop

        (Get-SmtpServer -IdentityStore Contoso).ClientSecret | Should -Be '********'

        $records = Test-SmtpServer -IdentityStore Contoso -Verbose -ErrorVariable err 4>&1
        $result = (Split-VerboseOutput $records).Output
        $verbose = (Split-VerboseOutput $records).Verbose
        $err.Count | Should -Be 0
        $result.Count | Should -Be 1
        $result[0].Succeeded | Should -BeTrue -Because $result[0].Reason
        $result[0].AuthMechanism | Should -Be 'XOAUTH2'
        $verbose.Count | Should -BeGreaterThan 0
        $verbose | Where-Object { $_.Contains($server.TokenEndpoint.ClientSecret) -or $_.Contains('eyJ') } | Should -BeNullOrEmpty
    }
}

# Warnings for settings the Microsoft platform retires or blocks. (LinuxOnly because this file's
# BeforeAll starts Postfix; nothing here connects anywhere.)
Describe 'Set-SmtpServer warnings about Exchange Online' -Tag LinuxOnly {
    BeforeEach { Initialize-SmtpTest; New-IdentityStore -Name Contoso | Out-Null }
    AfterEach { Clear-SmtpTest }

    It 'warns when Basic authentication is set against the Exchange Online host <Server>' -TestCases @(
        @{ Server = 'smtp.office365.com'; Cloud = 'Global' }
        @{ Server = 'smtp.office365.us'; Cloud = 'USGovGCCHigh' }
        @{ Server = 'smtp.partner.outlook.cn'; Cloud = 'China' }
    ) {
        param($Server, $Cloud)
        Set-SmtpServer -IdentityStore Contoso -Server $Server -Port 587 -From notify@contoso.com -Authentication Basic -Credential (New-TestCredential notify@contoso.com 'pw-123') `
            -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "$Server is Exchange Online ($Cloud)*off by default*end of December 2026*-Authentication OAuth2*Set-EntraSmtpClient*"
        (Get-SmtpServer -IdentityStore Contoso).Authentication | Should -Be 'Basic' -Because 'a warning, not a refusal'
    }

    It 'does not warn for Basic against another host, nor for app-only OAuth2 against Exchange Online' {
        Set-SmtpServer -IdentityStore Contoso -Server mail.contoso.com -Port 587 -From notify@contoso.com -Authentication Basic -Credential (New-TestCredential notify@contoso.com 'pw-123') `
            -WarningVariable basic -WarningAction SilentlyContinue -ErrorAction Stop
        Set-SmtpServer -IdentityStore Contoso -Server smtp.office365.com -Authentication OAuth2 -TokenEndpoint 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' `
            -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret (ConvertTo-SecureString 'cs' -AsPlainText -Force) -Scope 'https://outlook.office365.com/.default' `
            -WarningVariable appOnly -WarningAction SilentlyContinue -ErrorAction Stop

        $basic.Count | Should -Be 0
        $appOnly.Count | Should -Be 0
    }

    It 'warns that OAuth2 with a user name and password (ROPC) is blocked by MFA and Conditional Access' {
        Set-SmtpServer -IdentityStore Contoso -Server smtp.office365.com -From notify@contoso.com -Authentication OAuth2 -TokenEndpoint 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token' `
            -ClientId 00000000-0000-0000-0000-000000000001 -ClientSecret (ConvertTo-SecureString 'cs' -AsPlainText -Force) -Scope 'https://outlook.office365.com/.default' `
            -Credential (New-TestCredential notify@contoso.com 'pw-123') -WarningVariable warnings -WarningAction SilentlyContinue -ErrorAction Stop

        $warnings.Count | Should -Be 1
        "$($warnings[0])" | Should -BeLike "*resource-owner password grant (ROPC) for 'notify@contoso.com'*multi-factor*Conditional Access*"
    }
}

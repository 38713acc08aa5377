BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Set-SmtpServer' {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'stores the server and never writes the password in plain text' {
        New-ContosoWithSmtp $server
        $info = Get-SmtpServer -IdentityStore Contoso
        $info.Server | Should -Be $server.Host
        $info.Security | Should -Be 'StartTls'
        $info.Password | Should -Be '********'
        Get-ChildItem $env:MESSAGINGPROVIDER_CONFIG_PATH -Recurse -File | Get-Content -Raw | Should -Not -Match ([regex]::Escape($server.SenderPassword))
    }

    It 'rejects invalid or incomplete settings and stores nothing' {
        New-ContosoWithSmtp $server
        $before = Get-ConfigSnapshot
        { Set-SmtpServer -IdentityStore Contoso -From 'not an address' -ErrorAction Stop } | Should -Throw -ErrorId 'InvalidEmailAddress,MessagingProvider.Commands.SetSmtpServerCommand'
        { Set-SmtpServer -IdentityStore Contoso -Authentication OAuth2 -ClientId abc -ErrorAction Stop } | Should -Throw -ErrorId 'SmtpSettingsIncomplete,MessagingProvider.Commands.SetSmtpServerCommand'
        Get-ConfigSnapshot | Should -Be $before
    }

    It 'changes nothing with -WhatIf' {
        New-ContosoWithSmtp $server
        $before = Get-ConfigSnapshot
        Set-SmtpServer -IdentityStore Contoso -Port 2525 -WhatIf
        Get-ConfigSnapshot | Should -Be $before
    }

    It 'stores OAuth2 settings that get a real token from the pinned token endpoint' {
        New-IdentityStore -Name Contoso | Out-Null
        $secret = ConvertTo-SecureString $server.TokenEndpoint.ClientSecret -AsPlainText -Force
        Set-SmtpServer -IdentityStore Contoso -Server $server.Host -Port $server.StartTlsPort -From heidi@test.local -Security StartTls -Authentication OAuth2 `
            -TokenEndpoint $server.TokenEndpoint.TokenEndpointFor('contoso') -ClientId ([MessagingProvider.TestSupport.OAuthTokenEndpoint]::ClientId) -ClientSecret $secret `
            -Scope ([MessagingProvider.TestSupport.OAuthTokenEndpoint]::Scope) -Credential (New-TestCredential heidi@test.local ([MessagingProvider.TestSupport.MailServerFixture]::MailboxPassword)) `
            -CertificateThumbprint $server.Certificate.Thumbprint, $server.TokenEndpoint.Certificate.Thumbprint
        (Get-SmtpServer -IdentityStore Contoso).ClientSecret | Should -Be '********'
        $result = Test-SmtpServer -IdentityStore Contoso
        $result.Succeeded | Should -BeTrue
        $result.AuthMechanism | Should -Be 'XOAUTH2'
    }
}

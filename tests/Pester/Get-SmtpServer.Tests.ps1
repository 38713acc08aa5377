BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Get-SmtpServer' {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'returns the typed settings with the secret masked' {
        New-ContosoWithSmtp $server
        $info = Get-SmtpServer -IdentityStore Contoso
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.SmtpServerInfo'
        $info.Port | Should -Be $server.StartTlsPort
        $info.Authentication | Should -Be 'Basic'
        $info.Password | Should -Be '********'
    }

    It 'says what to run when no SMTP server is set' {
        New-IdentityStore -Name Fabrikam | Out-Null
        { Get-SmtpServer -IdentityStore Fabrikam -ErrorAction Stop } | Should -Throw -ErrorId 'SmtpServerNotConfigured,MessagingProvider.Commands.GetSmtpServerCommand'
    }
}

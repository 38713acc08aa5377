BeforeAll {
    . "$PSScriptRoot/SmtpCommon.ps1"
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Get-SmtpServer' -Tag LinuxOnly {
    BeforeEach { Initialize-SmtpTest }
    AfterEach { Clear-SmtpTest }

    It 'returns the typed settings with the secret masked' {
        New-ContosoWithSmtp $server
        $info = @(Get-SmtpServer -IdentityStore Contoso -ErrorVariable err)
        $err.Count | Should -Be 0
        $info.Count | Should -Be 1
        $info[0].PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.SmtpServerInfo'
        $info[0].Server | Should -Be $server.Host
        $info[0].Port | Should -Be $server.StartTlsPort
        $info[0].Security | Should -Be 'StartTls'
        $info[0].Authentication | Should -Be 'Basic'
        $info[0].UserName | Should -Be ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser)
        $info[0].Password | Should -Be '********'
    }

    It 'says what to run when no SMTP server is set' {
        New-IdentityStore -Name Fabrikam | Out-Null
        $info = Get-SmtpServer -IdentityStore Fabrikam -ErrorVariable err -ErrorAction SilentlyContinue
        $info | Should -BeNullOrEmpty
        $err.Count | Should -Be 1
        $err[0].FullyQualifiedErrorId | Should -Be 'SmtpServerNotConfigured,MessagingProvider.Commands.GetSmtpServerCommand'
        $err[0].Exception.Message | Should -BeLikeExactly '*Set-SmtpServer*'
    }
}

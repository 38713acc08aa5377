# Shared set-up of the SMTP/notification Pester tests: a private configuration directory, the
# built module, and the real mail stand-ins from MessagingProvider.TestSupport (Postfix + Dovecot on
# 127.0.0.1, HTTPS token endpoint, fault proxy, IMAP mailbox reader).
# Needs root (Postfix), the Debian packages in tests/apt-packages.txt, and a build (./test.sh).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

# A private configuration directory (also $script:ConfigDirectory, for Get-ConfigurationSnapshot and
# Assert-ConfigurationUnchanged of common.ps1) and the built module.
function Initialize-SmtpTest {
    Initialize-TestConfiguration
    Import-Module $script:ModuleManifest -Force -ErrorAction Stop
}

function Clear-SmtpTest {
    if ($env:MESSAGINGPROVIDER_CONFIG_PATH -and (Test-Path $env:MESSAGINGPROVIDER_CONFIG_PATH)) {
        Remove-Item $env:MESSAGINGPROVIDER_CONFIG_PATH -Recurse -Force
    }
    Remove-TestConfiguration
}

# Real Postfix + Dovecot, once per file (BeforeAll); dispose it in AfterAll.
function Start-TestMailServer {
    [MessagingProvider.TestSupport.MailServerFixture]::new()
}

# Store Contoso whose SMTP server is the test server's STARTTLS port, certificate pinned, Basic
# authentication as the sender ($Password: another password than the real one).
function New-ContosoWithSmtp($Server, [string] $Password) {
    if ([string]::IsNullOrEmpty($Password)) { $Password = $Server.SenderPassword }
    New-IdentityStore -Name Contoso | Out-Null
    Set-SmtpServer -IdentityStore Contoso -Server $Server.Host -Port $Server.StartTlsPort -From ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) `
        -Security StartTls -Authentication Basic -Credential (New-TestCredential ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) $Password) `
        -CertificateThumbprint $Server.Certificate.Thumbprint -ErrorAction Stop
}

# The addresses of a MimeKit address list (To, Cc) in order.
function Get-MailAddress($AddressList) {
    @($AddressList.Mailboxes | ForEach-Object { $_.Address })
}

# The messages in $Mailbox's inbox on $Server whose subject contains $Marker, read over IMAP once
# $Count of them arrived or after 15 s.
function Wait-Mail($Server, [string] $Mailbox, [string] $Marker, [int] $Count = 1) {
    @($Server.Mail.WaitFor($Mailbox, $Marker, $Count, [timespan]::FromSeconds(15)))
}

# Shared set-up of the SMTP/notification Pester tests: a private configuration directory, the
# built module, and the same real mail stand-ins the xunit tests use (Postfix + Dovecot on
# 127.0.0.1, HTTPS token endpoint, fault proxy) from tests/MessagingProvider.MailServer.
# Needs root (Postfix), the Debian packages in tests/apt-packages.txt, and a build (./test.sh).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

function Initialize-SmtpTest {
    $env:MESSAGINGPROVIDER_CONFIG_PATH = Join-Path ([IO.Path]::GetTempPath()) ("mp-pester-" + [guid]::NewGuid().ToString('N'))
    Import-Module (Join-Path $script:RepoRoot 'out/MessagingProvider/MessagingProvider.psd1') -Force -ErrorAction Stop
}

function Clear-SmtpTest {
    if ($env:MESSAGINGPROVIDER_CONFIG_PATH -and (Test-Path $env:MESSAGINGPROVIDER_CONFIG_PATH)) {
        Remove-Item $env:MESSAGINGPROVIDER_CONFIG_PATH -Recurse -Force
    }
    $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
}

function Start-TestMailServer {
    [MessagingProvider.TestSupport.MailServerFixture]::new()
}


function New-ContosoWithSmtp($Server, [string] $Password) {
    New-IdentityStore -Name Contoso | Out-Null
    Set-SmtpServer -IdentityStore Contoso -Server $Server.Host -Port $Server.StartTlsPort -From ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) `
        -Security StartTls -Authentication Basic -Credential (New-TestCredential ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) ($Password ?? $Server.SenderPassword)) `
        -CertificateThumbprint $Server.Certificate.Thumbprint
}

function Get-ConfigSnapshot {
    Get-ChildItem $env:MESSAGINGPROVIDER_CONFIG_PATH -Recurse -File -ErrorAction SilentlyContinue |
        Where-Object FullName -NotMatch '[\\/]\.locks[\\/]' |
        ForEach-Object { '{0}:{1}' -f $_.FullName, (Get-FileHash $_.FullName).Hash }
}

# Runs in every docs example's session (a fresh runspace of pwsh, see Help.Tests.ps1) before the
# example's own <!-- setup: ... --> comments (see docs/README.md).

# Interactive cmdlets cannot prompt in a test: these return what a person would have typed.
# Read-Host -AsSecureString returns the same password New-ExampleCertificate uses by default.
# In an example that requires the mail server, Get-Credential without a user name returns the
# server's SMTP account: that is what the administrator types there.
$ExamplePassword = 'Example-P@ss-1'

function Get-Credential {
    param([Parameter(Position = 0)][string] $UserName, [string] $Message, [string] $Title)
    if (-not $UserName -and $MailServer) { return $MailServer.Credential }
    if (-not $UserName) { $UserName = 'CONTOSO\admin' }
    [pscredential]::new($UserName, [System.Net.NetworkCredential]::new('', $ExamplePassword).SecurePassword)
}

function Read-Host {
    param([Parameter(Position = 0)][object] $Prompt, [switch] $AsSecureString, [switch] $MaskInput)
    if ($AsSecureString) { [System.Net.NetworkCredential]::new('', $ExamplePassword).SecurePassword } else { 'example' }
}

# Files examples read, made the way administrators export them.
function New-ExampleCertificate {
    param([Parameter(Mandatory)][string] $Path, [string] $Password = $ExamplePassword, [int] $Days = 365)
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        'CN=MessagingProvider example', $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $now = [System.DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays($Days))
    $bytes = $certificate.Export([System.Security.Cryptography.X509Certificates.X509ContentType]::Pkcs12, $Password)
    [System.IO.File]::WriteAllBytes($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path), $bytes)
}

function New-ExampleGoogleKey {
    param([Parameter(Mandatory)][string] $Path, [string] $ServiceAccount = 'messaging@contoso-project.iam.gserviceaccount.com')
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    # Written by hand: the PEM's line breaks must become \n inside the JSON string.
    $pem = $rsa.ExportPkcs8PrivateKeyPem().Replace("`r", '').Replace("`n", '\n')
    $json = '{"type":"service_account","private_key_id":"0123456789abcdef","private_key":"' + $pem + '","client_email":"' + $ServiceAccount + '"}'
    [System.IO.File]::WriteAllText($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path), $json)
}

# A job server's encryption certificate as its administrator hands it over: a public certificate
# file (.cer, DER; RSA 2048 with Key Encipherment) for -CertificatePath of Set-IdentityStore and
# Export-IdentityStore. Its private key is kept nowhere, so this account cannot decrypt what is
# encrypted to it.
function New-ExampleEncryptionCertificate {
    param([Parameter(Mandatory)][string] $Path, [string] $Subject = 'CN=job01.contoso.com', [int] $Days = 365)
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        $Subject, $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new(
        [System.Security.Cryptography.X509Certificates.X509KeyUsageFlags]::KeyEncipherment, $true))
    $now = [System.DateTimeOffset]::UtcNow
    $certificate = $request.CreateSelfSigned($now.AddDays(-1), $now.AddDays($Days))
    [System.IO.File]::WriteAllBytes($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path), $certificate.RawData)
}

# The machine key of LocalMachine stores on Linux and macOS, as root's
# Set-IdentityStore -ProtectionScope LocalMachine -KeyGroup <group> makes it (32 random bytes, mode
# 0640; the tests run as root, so root owns it), but in the example's working directory: the
# example never touches /etc/messagingprovider. Windows (DPAPI LocalMachine) needs no key file.
function New-ExampleMachineKey {
    if ($env:OS -eq 'Windows_NT') { return }
    $env:MESSAGINGPROVIDER_MACHINE_KEY_PATH = [System.IO.Path]::Combine($PWD.ProviderPath, 'machine.key')
    $key = [byte[]]::new(32)
    [System.Security.Cryptography.RandomNumberGenerator]::Fill($key)
    [System.IO.File]::WriteAllBytes($env:MESSAGINGPROVIDER_MACHINE_KEY_PATH, $key)
    [System.IO.File]::SetUnixFileMode($env:MESSAGINGPROVIDER_MACHINE_KEY_PATH, [System.IO.UnixFileMode]'UserRead, UserWrite, GroupRead')
}

# <!-- requires: mailserver --> examples: the test sets $MailServer (Server, Port for STARTTLS,
# SslPort for implicit TLS, PlainPort, From, Credential, CertificateThumbprint, ImapPort,
# MailboxPassword of anna.lee@contoso.com) before this prelude runs.
if ($MailServer) {
    # Stores the test mail server as an identity store's SMTP server, as Set-SmtpServer's examples do.
    function Set-ExampleSmtpServer {
        param([Parameter(Mandatory)][string] $IdentityStore)
        $null = Set-SmtpServer -IdentityStore $IdentityStore -Server $MailServer.Server -Port $MailServer.Port -Security StartTls `
            -From $MailServer.From -Authentication Basic -Credential $MailServer.Credential -CertificateThumbprint $MailServer.CertificateThumbprint
    }
}

# <!-- requires: cloud --> examples: the test sets $Cloud (Tenant, TenantId, ClientId, ClientSecret,
# AuthorityHost, ExchangeOnlineEndpoint, Mailbox). At its Entra ID stand-in a person signs in as
# $Cloud.Mailbox as soon as a device code is shown.
if ($Cloud) {
    # Stores the stand-in's app registration as an identity store's Entra ID SMTP client, with the
    # test mail server as the smart host when the example also requires it; -SignIn signs in the
    # mailbox (Connect-EntraSmtpMailbox) without showing the code.
    function Set-ExampleEntraSmtpClient {
        param([Parameter(Mandatory)][string] $IdentityStore, [switch] $SignIn)
        $smartHost = @{}
        if ($MailServer) { $smartHost = @{ SmartHost = $MailServer.Server; Port = $MailServer.Port; CertificateThumbprint = $MailServer.CertificateThumbprint } }
        Set-EntraSmtpClient -IdentityStore $IdentityStore -TenantId $Cloud.TenantId -ClientId $Cloud.ClientId -ClientSecret $Cloud.ClientSecret `
            -AuthorityHost $Cloud.AuthorityHost @smartHost
        if ($SignIn) { $null = Connect-EntraSmtpMailbox -IdentityStore $IdentityStore -WarningAction SilentlyContinue }
    }
}

# Shared set-up of the identity-store protection, export and import tests: certificates to encrypt
# to, a store with a secret in every kind of place, and (Linux, as root) other OS accounts that run
# pwsh as a scheduled job would.

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

$script:SmtpPassword = 'Smtp-P@ss-123'
$script:AccountPassword = 'Imap-P@ss-456'

# A self-signed RSA certificate for encryption: the .cer (public), the .pfx (with key) and the object.
function New-TestEncryptionCertificate([string] $Name, [datetimeoffset] $NotAfter = [datetimeoffset]::UtcNow.AddYears(1), [switch] $SignatureOnly) {
    $directory = "$script:ConfigDirectory-files"
    $null = [System.IO.Directory]::CreateDirectory($directory)
    $usage = if ($SignatureOnly) { 'DigitalSignature' } else { 'KeyEncipherment, DataEncipherment' }
    $certificate = New-TestRsaCertificate $Name $NotAfter -NotBefore $NotAfter.AddYears(-2) -KeyUsage $usage
    $cer = [System.IO.Path]::Combine($directory, "$Name.cer")
    $pfx = [System.IO.Path]::Combine($directory, "$Name.pfx")
    [System.IO.File]::WriteAllBytes($cer, $certificate.RawData)
    [System.IO.File]::WriteAllBytes($pfx, $certificate.Export('Pkcs12', 'pfx-password'))
    [pscustomobject]@{ Cer = $cer; Pfx = $pfx; Thumbprint = $certificate.Thumbprint; Certificate = $certificate }
}

# Puts the certificate, with its private key, into this account's personal store (Cert:\CurrentUser\My).
function Add-TestCertificateToMyStore($TestCertificate) {
    $withKey = [System.Security.Cryptography.X509Certificates.X509Certificate2]::new($TestCertificate.Pfx, 'pfx-password', 'PersistKeySet, Exportable')
    $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
    $store.Open('ReadWrite')
    try { $store.Add($withKey) } finally { $store.Close() }
}

function Remove-TestCertificateFromMyStore($TestCertificate) {
    $store = [System.Security.Cryptography.X509Certificates.X509Store]::new('My', 'CurrentUser')
    $store.Open('ReadWrite')
    try {
        foreach ($found in $store.Certificates.Find('FindByThumbprint', $TestCertificate.Thumbprint, $false)) { $store.Remove($found) }
    }
    finally { $store.Close() }
}

# Contoso with secrets in three kinds of place: the Exchange credential, the SMTP password and a
# mail account's password, plus plain settings an export must carry.
function New-StoreWithSecrets([string] $Name = 'Contoso') {
    New-ExchangeTestStore $Name
    Set-SmtpServer -IdentityStore $Name -Server smtp.contoso.com -Port 587 -From notify@contoso.com -Authentication Basic `
        -Credential (New-TestCredential 'notify@contoso.com' $script:SmtpPassword) -ErrorAction Stop
    $null = New-MailServer -IdentityStore $Name -Name 'Contoso IMAP' -ServiceType ImapSmtp -ServiceAddress mail.contoso.com -Receive -Send -LoginFormat MailboxName -ErrorAction Stop
    $null = New-MailAccount -IdentityStore $Name -EmailAddress anna@contoso.com -MailServer 'Contoso IMAP' -Password (ConvertTo-TestSecureString $script:AccountPassword) -ErrorAction Stop
    Add-NotificationRecipient -IdentityStore $Name -To audit@contoso.com -ErrorAction Stop
}

# The schemes of every secret stored for a store (what protects them), from the file itself.
function Get-StoredSecretScheme([string] $Name = 'Contoso') {
    $text = Get-StoredConfigurationText $Name
    @([regex]::Matches($text, '"scheme":\s*"([^"]+)"') | ForEach-Object { $_.Groups[1].Value })
}

# An OS account with its own home (pwsh and the .NET certificate store live there).
function New-TestUser([string] $Name, [string] $Group) {
    $directory = "/tmp/mp-home-$Name"
    & userdel -r $Name 2>$null
    $arguments = @('--create-home', '--home-dir', $directory, '--shell', '/bin/sh')
    if ($Group) { $arguments += @('--groups', $Group) }
    & useradd @arguments $Name
    if ($LASTEXITCODE -ne 0) { throw "useradd $Name failed ($LASTEXITCODE)" }
    [pscustomobject]@{ Name = $Name; Home = $directory }
}

function Remove-TestUser($User) {
    & userdel -r $User.Name 2>$null
    if ([System.IO.Directory]::Exists($User.Home)) { [System.IO.Directory]::Delete($User.Home, $true) }
}

# Runs a script as another account in a fresh pwsh (as a scheduled job would), with the module
# imported and the given configuration directory; bounded by 120 s. Returns exit code and output.
function Invoke-AsTestUser($User, [string] $ConfigDirectory, [string] $Script, [hashtable] $Environment = @{}) {
    $prelude = "`$ErrorActionPreference = 'Stop'; Import-Module '$script:ModuleManifest'; "
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($prelude + $Script))
    $variables = @("HOME=$($User.Home)", "MESSAGINGPROVIDER_CONFIG_PATH=$ConfigDirectory", 'DOTNET_CLI_TELEMETRY_OPTOUT=1')
    foreach ($key in $Environment.Keys) { $variables += "$key=$($Environment[$key])" }
    $dotnet = [Environment]::ProcessPath
    $pwsh = [System.IO.Path]::Combine($PSHOME, 'pwsh.dll')
    $output = & timeout 120 runuser -u $User.Name -- env @variables $dotnet $pwsh -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
    [pscustomobject]@{ ExitCode = $LASTEXITCODE; Output = ($output | Out-String) }
}

# What a command shows with -WhatIf (the host's text): run in a child pwsh with this configuration.
function Get-WhatIfText([string] $Script) {
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes("Import-Module '$script:ModuleManifest'; $Script"))
    $output = & timeout 120 ([Environment]::ProcessPath) ([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1
    ($output | Out-String) -replace '\s+', ' '
}

$script:ExportPassword = 'export-password-1'

function Export-TestStore([string] $Name = 'Contoso', [string] $Path = "$script:ConfigDirectory-files/contoso.export.json") {
    $null = [System.IO.Directory]::CreateDirectory([System.IO.Path]::GetDirectoryName($Path))
    Export-IdentityStore $Name $Path -Password (ConvertTo-TestSecureString $script:ExportPassword) -Force -ErrorAction Stop
    $Path
}

# Points the module at a new, empty configuration directory (another job server).
function Switch-ToEmptyConfiguration {
    $env:MESSAGINGPROVIDER_CONFIG_PATH = "$script:ConfigDirectory-other"
    $env:MESSAGINGPROVIDER_CONFIG_PATH
}

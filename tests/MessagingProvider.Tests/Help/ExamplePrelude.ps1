# Runs in every docs example's session before the example's own <!-- setup: ... --> comments
# (see docs/README.md). Engine cmdlets only: the hosted engine has nothing else.

# Interactive cmdlets cannot prompt in a test: these return what a person would have typed.
# Read-Host -AsSecureString returns the same password New-ExampleCertificate uses by default.
$ExamplePassword = 'Example-P@ss-1'

function Get-Credential {
    param([Parameter(Position = 0)][string] $UserName = 'CONTOSO\admin', [string] $Message, [string] $Title)
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

# Utility cmdlets the hosted engine lacks, only where they are missing (pwsh has the real ones).
# The formatting cmdlets pass objects through: the example's pipeline still runs to the end.
if (-not (Get-Command -Name Get-Content -ErrorAction Ignore)) {
    function Get-Content {
        param([Parameter(Mandatory, Position = 0)][string] $Path)
        [System.IO.File]::ReadAllLines($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path))
    }
}

if (-not (Get-Command -Name Set-Content -ErrorAction Ignore)) {
    function Set-Content {
        param([Parameter(Mandatory, Position = 0)][string] $Path, [Parameter(Mandatory, Position = 1)][string[]] $Value)
        [System.IO.File]::WriteAllLines($ExecutionContext.SessionState.Path.GetUnresolvedProviderPathFromPSPath($Path), $Value)
    }
}

if (-not (Get-Command -Name Format-Table -ErrorAction Ignore)) {
    function Format-Table { param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0, ValueFromRemainingArguments)] $Property) process { $InputObject } }
}

if (-not (Get-Command -Name Format-List -ErrorAction Ignore)) {
    function Format-List { param([Parameter(ValueFromPipeline)] $InputObject, [Parameter(Position = 0, ValueFromRemainingArguments)] $Property) process { $InputObject } }
}

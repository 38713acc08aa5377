# Shared set-up for the Pester suite (see README.md beside this file). Every test file dot-sources
# it first. It is also the one way the suite reaches the stand-ins: the assembly
# tests/MessagingProvider.TestSupport (built by ./test.sh) is loaded here, once per process.

$script:RepoRoot = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
$script:TestSupportAssembly = [System.IO.Path]::Combine(
    $script:RepoRoot, 'tests', 'MessagingProvider.TestSupport', 'bin', 'Release', 'net10.0', 'MessagingProvider.TestSupport.dll')
# The stand-ins are built for .NET 10: Windows PowerShell 5.1 runs only the tests not tagged StandIns or LinuxOnly.
if ($PSVersionTable.PSEdition -eq 'Core' -and -not ('MessagingProvider.TestSupport.MailServerFixture' -as [type])) {
    if (-not [System.IO.File]::Exists($script:TestSupportAssembly)) {
        throw "The test stand-ins are not built: $script:TestSupportAssembly (run ./test.sh, or dotnet build tests/MessagingProvider.TestSupport -c Release)."
    }
    $null = [System.Reflection.Assembly]::LoadFrom($script:TestSupportAssembly)
}

# $IsWindows does not exist in Windows PowerShell 5.1.
$script:OnWindows = $env:OS -eq 'Windows_NT'

$script:ModuleManifest = [System.IO.Path]::GetFullPath(
    [System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'MessagingProvider', 'MessagingProvider.psd1'))

function Initialize-TestConfiguration {
    # Every test gets a private configuration directory.
    $script:ConfigDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-pester-' + [guid]::NewGuid().ToString('N'))
    $env:MESSAGINGPROVIDER_CONFIG_PATH = $script:ConfigDirectory
}

function Remove-TestConfiguration {
    $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
    foreach ($path in $script:ConfigDirectory, "$script:ConfigDirectory-files", "$script:ConfigDirectory-other") {
        if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
    }
}

function Get-ConfigurationSnapshot {
    # Every file under the configuration directory (lock files aside), as Base64.
    $snapshot = @{}
    if ([System.IO.Directory]::Exists($script:ConfigDirectory)) {
        foreach ($file in [System.IO.Directory]::GetFiles($script:ConfigDirectory, '*', 'AllDirectories')) {
            if ($file -like '*.locks*') { continue }
            $snapshot[$file] = [Convert]::ToBase64String([System.IO.File]::ReadAllBytes($file))
        }
    }
    $snapshot
}

function Assert-ConfigurationUnchanged([hashtable] $Before) {
    $after = Get-ConfigurationSnapshot
    ($after.Keys | Sort-Object) -join '|' | Should -Be (($Before.Keys | Sort-Object) -join '|')
    foreach ($key in $Before.Keys) { $after[$key] | Should -Be $Before[$key] -Because "$key must not change" }
}

function ConvertTo-TestSecureString([string] $Text) {
    [System.Net.NetworkCredential]::new('', $Text).SecurePassword
}

function New-TestCredential([string] $User = 'CONTOSO\svc-mp', [string] $Password = 'Exch-P@ss-123') {
    [pscredential]::new($User, (ConvertTo-TestSecureString $Password))
}

function New-ExchangeTestStore([string] $Name = 'Contoso') {
    $null = New-IdentityStore -Name $Name
    Set-MessagingProvider -IdentityStore $Name -Provider Exchange -Domain contoso.com -Credential (New-TestCredential)
}

# A self-signed RSA certificate with its key, valid until $NotAfter (from $NotBefore), with a key usage when given.
function New-TestRsaCertificate([string] $Name, [datetimeoffset] $NotAfter, [datetimeoffset] $NotBefore = $NotAfter.AddYears(-1), [string] $KeyUsage) {
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new(
        "CN=$Name", $rsa, [System.Security.Cryptography.HashAlgorithmName]::SHA256,
        [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
    if ($KeyUsage) { $request.CertificateExtensions.Add([System.Security.Cryptography.X509Certificates.X509KeyUsageExtension]::new($KeyUsage, $true)) }
    $request.CreateSelfSigned($NotBefore, $NotAfter)
}

function New-TestPfx([string] $Name, [string] $Password, [datetimeoffset] $NotAfter) {
    $directory = "$script:ConfigDirectory-files"
    $null = [System.IO.Directory]::CreateDirectory($directory)
    $certificate = New-TestRsaCertificate $Name $NotAfter
    $path = [System.IO.Path]::Combine($directory, "$Name.pfx")
    [System.IO.File]::WriteAllBytes($path, $certificate.Export('Pkcs12', $Password))
    $path
}

function New-TestGoogleJsonKey([string] $ClientEmail) {
    $directory = "$script:ConfigDirectory-files"
    $null = [System.IO.Directory]::CreateDirectory($directory)
    $rsa = [System.Security.Cryptography.RSA]::Create(2048)
    $path = [System.IO.Path]::Combine($directory, 'google-key.json')
    $json = [ordered]@{
        type           = 'service_account'
        private_key_id = '0123456789abcdef'
        private_key    = $rsa.ExportPkcs8PrivateKeyPem()
        client_email   = $ClientEmail
    } | ConvertTo-Json
    [System.IO.File]::WriteAllText($path, $json)
    $path
}

function Assert-SingleError {
    # $Errors (an -ErrorVariable) holds exactly one error record with this id and category.
    param([object[]] $Errors, [string] $FullyQualifiedErrorId, [string] $Category)
    $Errors | Should -HaveCount 1 -Because (($Errors | ForEach-Object { "$_" }) -join '; ')
    $Errors[0].FullyQualifiedErrorId | Should -BeExactly $FullyQualifiedErrorId
    if ($Category) { $Errors[0].CategoryInfo.Category | Should -Be $Category }
}

function Invoke-WithoutHost {
    # Runs $ScriptBlock, with the module imported, in a new runspace of this process that has no host
    # UI (as a scheduled job has): a confirmation prompt fails with HostFunctionNotImplemented instead
    # of waiting for an answer. The configuration directory is shared through the environment.
    param([scriptblock] $ScriptBlock, [object[]] $ArgumentList = @(), [int] $TimeoutSeconds = 60)
    $shell = [powershell]::Create()
    try {
        $null = $shell.AddScript('Import-Module -Name $args[0] -Force').AddArgument($script:ModuleManifest).AddStatement()
        $null = $shell.AddScript($ScriptBlock.ToString())
        foreach ($argument in $ArgumentList) { $null = $shell.AddArgument($argument) }
        $handle = $shell.BeginInvoke()
        if (-not $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($TimeoutSeconds))) {
            $null = $shell.BeginStop($null, $null)
            throw "Invoke-WithoutHost: the script did not finish within $TimeoutSeconds s: $ScriptBlock"
        }
        $output = $shell.EndInvoke($handle)
        [pscustomobject]@{ Output = @($output); Errors = @($shell.Streams.Error) }
    }
    finally {
        if ($shell.InvocationStateInfo.State -ne 'Running') { $shell.Dispose() }
    }
}

# The text of every file under the configuration directory, for asserting that a secret is not in it.
function Get-StoredConfigurationText {
    if (-not [System.IO.Directory]::Exists($script:ConfigDirectory)) { return '' }
    ([System.IO.Directory]::GetFiles($script:ConfigDirectory, '*', 'AllDirectories') | ForEach-Object { [System.IO.File]::ReadAllText($_) }) -join "`n"
}

# Splits what a command wrote with -Verbose 4>&1 into its output objects and its verbose messages.
function Split-VerboseOutput([object[]] $Records) {
    $split = [pscustomobject]@{
        Output  = [System.Collections.Generic.List[object]]::new()
        Verbose = [System.Collections.Generic.List[string]]::new()
    }
    foreach ($record in $Records) {
        if ($record -is [System.Management.Automation.VerboseRecord]) { $split.Verbose.Add($record.Message) }
        else { $split.Output.Add($record) }
    }
    $split
}

#Requires -Version 5.1
<#
.SYNOPSIS
    Windows PowerShell 5.1 checks of the Windows CI leg (.github/workflows/ci.yml); they cannot run on
    the Linux machines the project is built on. Each check is a fresh powershell.exe process.
.DESCRIPTION
    1. The net472 build imports, exports every cmdlet of the manifest, and keeps a secret with DPAPI
       through a store, a change of protection scope and an export/import.
    2. After another module has loaded an older Microsoft.Identity.Client (4.61.3), a command that
       needs MSAL either works or stops with DependencyVersionConflict (about_MessagingProvider),
       never with a raw binding failure (FileLoadException, MissingMethodException, ...).
    Exits 1 with the reason on the first failure.
.PARAMETER OlderMsal
    Microsoft.Identity.Client.dll 4.61.3 for .NET Framework: restore tests/windows/OlderMsal with
    --packages .tools/packages and pass .tools/packages/microsoft.identity.client/4.61.3/lib/net462/Microsoft.Identity.Client.dll.
#>
param(
    [Parameter(Mandatory)]
    [string] $OlderMsal,

    [string] $ModuleManifest = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..', 'out', 'MessagingProvider', 'MessagingProvider.psd1'))
)

$ErrorActionPreference = 'Stop'
if ($PSVersionTable.PSEdition -ne 'Desktop') { throw 'Run this in Windows PowerShell 5.1 (powershell.exe).' }

# Runs $Script in a new powershell.exe with its own configuration directory; returns its output lines.
function Invoke-FreshSession([string] $Script) {
    $config = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-win-' + [guid]::NewGuid().ToString('N'))
    $text = "`$ErrorActionPreference = 'Stop'; `$env:MESSAGINGPROVIDER_CONFIG_PATH = '$config'; Import-Module '$ModuleManifest'`n$Script"
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($text))
    try {
        $output = & powershell.exe -NoProfile -NonInteractive -EncodedCommand $encoded 2>&1 | ForEach-Object { "$_" }
        if ($LASTEXITCODE -ne 0) { throw "The session failed (exit $LASTEXITCODE):`n$($output -join "`n")" }
        $output
    }
    finally {
        if ([System.IO.Directory]::Exists($config)) { [System.IO.Directory]::Delete($config, $true) }
    }
}

$expected = @((Import-PowerShellDataFile $ModuleManifest).CmdletsToExport)
$lines = Invoke-FreshSession @'
'cmdlets=' + @(Get-Command -Module MessagingProvider -CommandType Cmdlet).Count
$null = New-IdentityStore -Name Contoso
Set-SmtpServer -IdentityStore Contoso -Server smtp.contoso.com -Port 587 -From notify@contoso.com -Authentication Basic -Credential ([pscredential]::new('notify@contoso.com', (ConvertTo-SecureString 'Smtp-P@ss-123' -AsPlainText -Force)))
'scheme=' + ((Get-Content -Raw (Get-IdentityStore Contoso).Path | ConvertFrom-Json).smtp.password.scheme)
Set-IdentityStore -Name Contoso -ProtectionScope LocalMachine
$file = Join-Path $env:MESSAGINGPROVIDER_CONFIG_PATH 'contoso.export.json'
$password = ConvertTo-SecureString 'export-password-1' -AsPlainText -Force
Export-IdentityStore Contoso $file -Password $password
$null = Import-IdentityStore $file -Name Fabrikam -Password $password
'drift=' + @(Compare-IdentityStore $file -Name Fabrikam -Password $password).Count
'@
foreach ($want in "cmdlets=$($expected.Count)", 'scheme=dpapi-user-v2', 'drift=0') {
    if ($lines -notcontains $want) { throw "Expected '$want' from the Windows PowerShell session, got:`n$($lines -join "`n")" }
}
Write-Host "Windows PowerShell 5.1: $($expected.Count) cmdlets, DPAPI secrets, protection scope and export/import work."

$lines = Invoke-FreshSession (@'
$null = [System.Reflection.Assembly]::LoadFrom('{0}')
$null = New-IdentityStore -Name Cloud
Set-MessagingProvider -IdentityStore Cloud -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (ConvertTo-SecureString 'not-a-secret' -AsPlainText -Force) -AuthorityHost https://127.0.0.1:9/
try {{ $r = Test-MessagingProviderConnection -IdentityStore Cloud -ErrorAction Stop; 'result=' + $r.Status + '|' + $r.ErrorId }}
catch {{ 'error=' + $_.FullyQualifiedErrorId + '|' + $_.Exception.GetType().FullName + '|' + $_.Exception.InnerException }}
'@ -f $OlderMsal.Replace("'", "''"))
$outcome = @($lines | Where-Object { $_ -like 'result=*' -or $_ -like 'error=*' })
$bindingFailure = 'FileLoadException|FileNotFoundException|MissingMethodException|TypeLoadException|ReflectionTypeLoadException|InvalidCastException'
if ($outcome.Count -ne 1 -or $outcome[0] -match $bindingFailure -or ($outcome[0] -like 'error=*' -and $outcome[0] -notlike 'error=DependencyVersionConflict,*')) {
    throw "Beside an older MSAL, expected a connection result or DependencyVersionConflict, got:`n$($lines -join "`n")"
}
Write-Host "Windows PowerShell 5.1 beside MSAL 4.61.3: $($outcome[0])"

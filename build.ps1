#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents and packages MessagingProvider.
.DESCRIPTION
    Wraps the same `dotnet` build that ./test.sh and CI use, for people with pwsh.
    Build    dotnet build: lays out the importable module in out/MessagingProvider.
    Test     Build, then every xunit project (dotnet test), then the Pester 5 suite in tests/Pester when Pester 5 is installed.
    Docs     Refreshes docs/en-US from the cmdlets with platyPS where it is installed (Update-MarkdownHelp keeps the hand-written text).
    Package  Build, then out/package/MessagingProvider/<version>: the module without debug files, ready for Publish-PSResource.
.EXAMPLE
    ./build.ps1 -Task Test
#>
[CmdletBinding()]
param(
    [ValidateSet('Build', 'Test', 'Docs', 'Package')]
    [string[]] $Task = 'Build',

    [ValidateSet('Debug', 'Release')]
    [string] $Configuration = 'Release'
)

$ErrorActionPreference = 'Stop'
$root = $PSScriptRoot
$moduleOut = [System.IO.Path]::Combine($root, 'out', 'MessagingProvider')
$manifest = [System.IO.Path]::Combine($moduleOut, 'MessagingProvider.psd1')

function Invoke-Dotnet {
    & dotnet @args
    if ($LASTEXITCODE -ne 0) { throw "dotnet $($args -join ' ') failed with exit code $LASTEXITCODE" }
}

function Invoke-BuildTask {
    Invoke-Dotnet build ([System.IO.Path]::Combine($root, 'MessagingProvider.sln')) -c $Configuration -nologo
}

function Invoke-TestTask {
    Invoke-BuildTask
    Invoke-Dotnet test ([System.IO.Path]::Combine($root, 'MessagingProvider.sln')) -c $Configuration --no-build -nologo
    $pester = Get-Module -ListAvailable -Name Pester | Where-Object Version -ge '5.0' | Sort-Object Version -Descending | Select-Object -First 1
    if (-not $pester) {
        Write-Warning 'Pester 5 is not installed (Install-PSResource Pester): the Pester suite was not run.'
        return
    }
    # A separate process, so the module loaded by the tests never locks the build output.
    & ([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) -NoProfile -Command {
        param($PesterPath, $TestsPath)
        Import-Module $PesterPath
        $result = Invoke-Pester -Path $TestsPath -Output Detailed -PassThru
        exit $result.FailedCount
    } -args $pester.Path, ([System.IO.Path]::Combine($root, 'tests', 'Pester'))
    if ($LASTEXITCODE -ne 0) { throw "$LASTEXITCODE Pester test(s) failed" }
}

function Invoke-DocsTask {
    Invoke-BuildTask
    if (-not (Get-Module -ListAvailable -Name platyPS)) {
        throw 'platyPS is not installed (Install-PSResource platyPS). The markdown in docs/en-US is maintained by hand meanwhile.'
    }
    & ([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) -NoProfile -Command {
        param($Manifest, $DocsPath)
        Import-Module platyPS
        Import-Module $Manifest
        Update-MarkdownHelp -Path $DocsPath -AlphabeticParamsOrder -ExcludeDontShow | Out-Null
        New-MarkdownHelp -Module MessagingProvider -OutputFolder $DocsPath -AlphabeticParamsOrder -ExcludeDontShow -ErrorAction SilentlyContinue | Out-Null
    } -args $manifest, ([System.IO.Path]::Combine($root, 'docs', 'en-US'))
}

function Invoke-PackageTask {
    Invoke-BuildTask
    $version = (Import-PowerShellDataFile $manifest).ModuleVersion
    $target = [System.IO.Path]::Combine($root, 'out', 'package', 'MessagingProvider', $version)
    if (Test-Path $target) { Remove-Item $target -Recurse -Force }
    Copy-Item $moduleOut $target -Recurse
    Get-ChildItem $target -Recurse -Include *.pdb | Remove-Item
    $null = Test-ModuleManifest ([System.IO.Path]::Combine($target, 'MessagingProvider.psd1'))
    Write-Host "Package ready: $target (Publish-PSResource -Path '$target')"
}

foreach ($name in $Task) {
    Write-Host "== $name" -ForegroundColor Cyan
    & "Invoke-$($name)Task"
}

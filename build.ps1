#Requires -Version 7.4
<#
.SYNOPSIS
    Builds, tests, documents and packages MessagingProvider.
.DESCRIPTION
    Wraps the same `dotnet` build that ./test.sh and CI use, for people with pwsh.
    Build    dotnet build: lays out the importable module in out/MessagingProvider.
    Test     Build, then every xunit project (dotnet test), then the Pester suite in tests/Pester with the pinned
             pwsh 7.6.10 and Pester 5.9.1 that it installs into .tools/ (as ./test.sh does).
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

# The pinned test tools, as ./test.sh installs them (tools/install-pwsh.sh): keep the versions alike.
$PwshVersion = '7.6.10'
$PesterVersion = '5.9.1'

function Install-TestTool {
    $tools = [System.IO.Path]::Combine($root, '.tools')
    $pwsh = [System.IO.Path]::Combine($tools, 'pwsh', $(if ($IsWindows) { 'pwsh.exe' } else { 'pwsh' }))
    $installed = if (Test-Path -LiteralPath $pwsh) { & $pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' }
    if ($installed -ne $PwshVersion) {
        Remove-Item -LiteralPath ([System.IO.Path]::Combine($tools, 'pwsh')) -Recurse -Force -ErrorAction SilentlyContinue
        Invoke-Dotnet tool install PowerShell --version $PwshVersion --tool-path ([System.IO.Path]::Combine($tools, 'pwsh'))
    }
    $pester = [System.IO.Path]::Combine($tools, 'packages', 'pester', $PesterVersion, 'tools', 'Pester.psd1')
    if (-not (Test-Path -LiteralPath $pester)) {
        Invoke-Dotnet restore ([System.IO.Path]::Combine($root, 'tests', 'PesterPackage', 'PesterPackage.csproj')) --packages ([System.IO.Path]::Combine($tools, 'packages')) -nologo
    }
    [pscustomobject]@{ Pwsh = $pwsh; Pester = $pester }
}

function Invoke-TestTask {
    Invoke-BuildTask
    $testTools = Install-TestTool
    Invoke-Dotnet test ([System.IO.Path]::Combine($root, 'MessagingProvider.sln')) -c $Configuration --no-build -nologo
    # The Pester suite in the pinned pwsh, one process per test file.
    & $testTools.Pwsh -NoProfile -NonInteractive -File ([System.IO.Path]::Combine($root, 'tests', 'Invoke-PesterSuite.ps1')) -PesterPath $testTools.Pester
    if ($LASTEXITCODE -ne 0) { throw 'The Pester suite failed (out/pester has a log and NUnit XML per file).' }
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

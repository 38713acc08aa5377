#Requires -Version 7.4
<#
.SYNOPSIS
    Runs the Pester suite (tests/Pester) in real pwsh, one fresh process per test file.
.DESCRIPTION
    Each *.Tests.ps1 runs in its own pwsh process with Invoke-Pester, so one file's module state,
    stand-ins and environment never leak into the next, and a file that stops making progress can
    be ended without losing the others. Each file writes NUnit XML to out/pester/<name>.xml and a
    full log (with Pester's runtime trace) to out/pester/<name>.log.

    A file that prints nothing for -StallSeconds (default 60) is killed and counted as one failure,
    with the step it was in (the Pester block or test it had entered last).

    The last line is "pester: N passed, N failed, N skipped, N not run"; the exit code is 0 only when
    nothing failed, nothing was left not run and no file stalled.
.PARAMETER PesterPath
    Pester.psd1 to import in every test process (the pinned copy ./test.sh restores).
.PARAMETER Path
    Test files or folders (default: tests/Pester).
.PARAMETER ThrottleLimit
    How many files run at once.
.PARAMETER ExcludeTag
    Leaves out tests with these tags: LinuxOnly (Postfix, Dovecot, dnsmasq, other OS accounts) and
    StandIns (the .NET 10 stand-ins of tests/MessagingProvider.TestSupport, loaded only in PowerShell 7).
.PARAMETER Shell
    Runs each file in this PowerShell instead of the current pwsh, e.g. powershell.exe (5.1).
.EXAMPLE
    pwsh tests/Invoke-PesterSuite.ps1 -PesterPath .tools/packages/pester/5.9.1/tools/Pester.psd1
#>
[CmdletBinding()]
param(
    [Parameter(Mandatory)]
    [string] $PesterPath,

    [string[]] $Path = @([System.IO.Path]::Combine($PSScriptRoot, 'Pester')),

    [ValidateRange(1, 16)]
    [int] $ThrottleLimit = 2,

    [ValidateRange(5, 3600)]
    [int] $StallSeconds = 60,

    # Tests with these tags are left out (see tests/README.md: LinuxOnly, StandIns).
    [string[]] $ExcludeTag = @(),

    # The PowerShell each file runs in: this pwsh by default; powershell.exe for Windows PowerShell 5.1.
    [string] $Shell
)

$ErrorActionPreference = 'Stop'
$root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..'))
$outDirectory = [System.IO.Path]::Combine($root, 'out', 'pester')
$null = [System.IO.Directory]::CreateDirectory($outDirectory)
# This pwsh again: a .NET tool install runs as "dotnet <PSHOME>/pwsh.dll".
$pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
$pwshArguments = @(if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { [System.IO.Path]::Combine($PSHOME, 'pwsh.dll') })
if ($Shell) {
    $pwsh = $Shell
    $pwshArguments = @()
}
$PesterPath = (Resolve-Path -LiteralPath $PesterPath).Path

$files = foreach ($item in $Path) {
    if ([System.IO.Directory]::Exists($item)) { Get-ChildItem -LiteralPath $item -Filter *.Tests.ps1 -File | Sort-Object Name }
    else { Get-Item -LiteralPath $item }
}

# The script each child runs: one file, NUnit XML, plain-text detailed output plus the runtime trace
# ("Entering path ...") that tells where a stalled file was.
$childScript = {
    param($PesterPath, $TestFile, $ResultPath, $ExcludeTag)
    $ProgressPreference = 'SilentlyContinue'
    Import-Module $PesterPath
    $configuration = New-PesterConfiguration
    $configuration.Run.Path = $TestFile
    if ($ExcludeTag) { $configuration.Filter.ExcludeTag = @($ExcludeTag -split ',' | Where-Object { $_ }) }
    $configuration.Run.PassThru = $true
    $configuration.Output.Verbosity = 'Detailed'
    $configuration.Output.RenderMode = 'Plaintext'
    $configuration.Debug.WriteDebugMessages = $true
    $configuration.Debug.WriteDebugMessagesFrom = @('Runtime')
    $configuration.TestResult.Enabled = $true
    $configuration.TestResult.OutputFormat = 'NUnitXml'
    $configuration.TestResult.OutputPath = $ResultPath
    $env:NO_COLOR = '1'
    $result = Invoke-Pester -Configuration $configuration
    # A file that does not load, or a block whose set-up fails before any test, counts as failed too.
    $failed = $result.FailedCount + $result.FailedBlocksCount + $result.FailedContainersCount
    # Tests left out by -ExcludeTag are not "not run": they were never meant to run here.
    $excluded = @($result.Tests | Where-Object { -not $_.ShouldRun }).Count
    '##result {0} {1} {2} {3} {4}' -f $result.PassedCount, $failed, $result.SkippedCount, ($result.NotRunCount - $excluded), $excluded
    exit 0
}
function Start-TestFile([System.IO.FileInfo] $File) {
    $name = $File.Name -replace '\.Tests\.ps1$', ''
    $log = [System.IO.Path]::Combine($outDirectory, "$name.log")
    $quote = { param($text) "'" + ($text -replace "'", "''") + "'" }
    $command = "& { $childScript } $(& $quote $PesterPath) $(& $quote $File.FullName) $(& $quote ([System.IO.Path]::Combine($outDirectory, "$name.xml"))) $(& $quote ($ExcludeTag -join ','))"
    $encoded = [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($command))
    # Output goes to a file the runner polls: a stalled child cannot block the runner.
    $process = Start-Process -FilePath $pwsh -ArgumentList ($pwshArguments + '-NoProfile', '-NonInteractive', '-EncodedCommand', $encoded) `
        -RedirectStandardOutput $log -RedirectStandardError "$log.stderr" -WorkingDirectory $root -NoNewWindow -PassThru
    [pscustomobject]@{
        Name     = $name
        Process  = $process
        LogPath  = $log
        Read     = 0L
        Partial  = ''
        LastLine = [datetime]::UtcNow
        Step     = 'discovery'
        Started  = [datetime]::UtcNow
        Result   = $null
        Stalled  = $false
        Output   = [System.Collections.Generic.List[string]]::new()
    }
}

function Receive-TestFileOutput($State) {
    $stream = [System.IO.FileStream]::new($State.LogPath, 'Open', 'Read', 'ReadWrite')
    try {
        if ($stream.Length -le $State.Read) { return }
        $null = $stream.Seek($State.Read, 'Begin')
        $buffer = [byte[]]::new($stream.Length - $State.Read)
        $count = $stream.Read($buffer, 0, $buffer.Length)
        $State.Read += $count
    }
    finally { $stream.Dispose() }
    $State.LastLine = [datetime]::UtcNow
    $text = $State.Partial + [System.Text.Encoding]::UTF8.GetString($buffer, 0, $count)
    $lines = $text -split "\r?\n"
    $State.Partial = $lines[-1]
    foreach ($line in $lines[0..($lines.Count - 2)]) {
        if ($line -match '^Runtime: Entering path (.+?)\s*$' -and $Matches[1] -notlike '*Pester.ps1') { $State.Step = "'$($Matches[1])'" }
        elseif ($line -match "^Runtime: Executing body of block '(.+)'") { $State.Step = "the set-up of '$($Matches[1])'" }
        elseif ($line -match '^##result (\d+) (\d+) (\d+) (\d+) (\d+)$') {
            $State.Result = [pscustomobject]@{ Passed = [int] $Matches[1]; Failed = [int] $Matches[2]; Skipped = [int] $Matches[3]; NotRun = [int] $Matches[4]; Excluded = [int] $Matches[5] }
        }
        elseif ($line -notmatch '^Runtime: ') { $State.Output.Add($line) }
    }
}

function Complete-TestFile($State) {
    Receive-TestFileOutput $State
    $State.Partial, [System.IO.File]::ReadAllText("$($State.LogPath).stderr") -split "\r?\n" | Where-Object { $_ } | ForEach-Object { $State.Output.Add($_) }
    $seconds = ([datetime]::UtcNow - $State.Started).TotalSeconds
    $r = $State.Result
    if ($State.Stalled) {
        $r = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; NotRun = 0; Excluded = 0 }
        $State.Result = $r
        Write-Host ("{0}: STALLED - no output for {1} s in step {2}; killed after {3:n0} s (log: out/pester/{0}.log)" -f $State.Name, $StallSeconds, $State.Step, $seconds)
    }
    elseif (-not $r) {
        $r = [pscustomobject]@{ Passed = 0; Failed = 1; Skipped = 0; NotRun = 0; Excluded = 0 }
        $State.Result = $r
        Write-Host ("{0}: the test process ended (exit code {1}) without a result (log: out/pester/{0}.log)" -f $State.Name, $State.Process.ExitCode)
    }
    else {
        Write-Host ("{0}: {1} passed, {2} failed, {3} skipped, {4} not run ({5:n0} s)" -f $State.Name, $r.Passed, $r.Failed, $r.Skipped, $r.NotRun, $seconds)
    }

    if ($State.Stalled -or $r.Failed -gt 0 -or $r.NotRun -gt 0 -or -not $State.Result) {
        # The failing tests with their messages, as Pester printed them.
        $State.Output | Where-Object { $_ -match '^\s*\[-\]' -or $_ -match '^\s{3,}\S' -and $_ -notmatch '^\s*\[\+\]' } |
            Select-Object -First 80 | ForEach-Object { Write-Host "    $_" }
    }
}

$pending = [System.Collections.Generic.Queue[object]]::new([object[]] @($files))
$running = [System.Collections.Generic.List[object]]::new()
$finished = [System.Collections.Generic.List[object]]::new()
$suiteStart = [datetime]::UtcNow
while ($pending.Count -gt 0 -or $running.Count -gt 0) {
    while ($running.Count -lt $ThrottleLimit -and $pending.Count -gt 0) { $running.Add((Start-TestFile $pending.Dequeue())) }
    Start-Sleep -Milliseconds 200
    foreach ($state in @($running)) {
        Receive-TestFileOutput $state
        if (-not $state.Process.HasExited -and ([datetime]::UtcNow - $state.LastLine).TotalSeconds -ge $StallSeconds) {
            $state.Stalled = $true
            $state.Process.Kill($true)
        }
        if ($state.Process.HasExited) {
            $state.Process.WaitForExit()
            Complete-TestFile $state
            $null = $running.Remove($state)
            $finished.Add($state)
        }
    }
}

$totals = [pscustomobject]@{
    Passed  = ($finished.Result | Measure-Object Passed -Sum).Sum
    Failed  = ($finished.Result | Measure-Object Failed -Sum).Sum
    Skipped = ($finished.Result | Measure-Object Skipped -Sum).Sum
    NotRun  = ($finished.Result | Measure-Object NotRun -Sum).Sum
    Excluded = ($finished.Result | Measure-Object Excluded -Sum).Sum
    Files   = $finished.Count
    Seconds = [int] ([datetime]::UtcNow - $suiteStart).TotalSeconds
}
$totals | ConvertTo-Json | Set-Content -LiteralPath ([System.IO.Path]::Combine($outDirectory, 'summary.json'))
$excludedNote = if ($totals.Excluded) { ", $($totals.Excluded) excluded by tag ($($ExcludeTag -join ', '))" } else { '' }
Write-Host ("pester: {0} passed, {1} failed, {2} skipped, {3} not run{4} ({5} files, {6} s)" -f $totals.Passed, $totals.Failed, $totals.Skipped, $totals.NotRun, $excludedNote, $totals.Files, $totals.Seconds)
exit ([int] ($totals.Failed -gt 0 -or $totals.NotRun -gt 0))

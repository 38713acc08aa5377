# Shared set-up of the outbox tests: a private configuration directory, the built module, and the
# fault-injecting SMTP server of MessagingProvider.TestSupport (real SMTP on 127.0.0.1, no relay).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

# Store Contoso sending to $Fault with short limits: every wait 2 s, -RetryDelay is given per call.
function New-OutboxTestStore($Fault, [int] $MaxRecipientsPerMessage = 100, [int] $MaxAttempts = 3) {
    Initialize-TestConfiguration
    Import-Module $script:ModuleManifest -Force -ErrorAction Stop
    New-IdentityStore -Name Contoso | Out-Null
    Set-SmtpServer -IdentityStore Contoso -Server 127.0.0.1 -Port $Fault.Port -From 'notify@contoso.test' -Security None -Authentication Anonymous -ErrorAction Stop
    Set-NotificationDelivery -IdentityStore Contoso -Timeout '00:00:02' -MaxRecipientsPerMessage $MaxRecipientsPerMessage -MaxAttempts $MaxAttempts -ErrorAction Stop
}

# Starts pwsh running $Script (with the module imported and this test's configuration directory);
# returns the process. Output goes to $OutputPath.
function Start-OutboxProcess([string] $Script, [string] $OutputPath) {
    # This pwsh again: a .NET tool install runs as "dotnet <PSHOME>/pwsh.dll".
    $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $full = "Import-Module '$script:ModuleManifest' -ErrorAction Stop; $Script"
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
    if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
    foreach ($arg in '-NoProfile', '-NonInteractive', '-Command', $full) { $start.ArgumentList.Add($arg) }
    $start.Environment['MESSAGINGPROVIDER_CONFIG_PATH'] = $env:MESSAGINGPROVIDER_CONFIG_PATH
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    [pscustomobject]@{ Process = $process; Output = $process.StandardOutput.ReadToEndAsync(); Errors = $process.StandardError.ReadToEndAsync() }
}

# Starts pwsh running $Script and kills it (SIGKILL: no clean-up, no finally blocks) at a random
# moment in the middle of its batch: once $Fault has accepted 20 to 150 more messages (or after
# 20 s). True when it was still running then.
function Stop-OutboxProcessMidBatch($Fault, [string] $Script, [System.Random] $Random) {
    $started = Start-OutboxProcess $Script
    $target = $Fault.Accepted.Count + $Random.Next(20, 150)
    $deadline = [datetime]::UtcNow.AddSeconds(20)
    while ($Fault.Accepted.Count -lt $target -and -not $started.Process.HasExited -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 1 }
    $running = -not $started.Process.HasExited
    $started.Process.Kill()
    $null = $started.Process.WaitForExit(10000)
    $running
}

function Wait-OutboxProcess($Started, [int] $TimeoutSeconds = 50) {
    if (-not $Started.Process.WaitForExit($TimeoutSeconds * 1000)) {
        $Started.Process.Kill($true)
        throw "pwsh $($Started.Process.Id) did not finish within $TimeoutSeconds s"
    }
    [pscustomobject]@{ ExitCode = $Started.Process.ExitCode; Output = $Started.Output.GetAwaiter().GetResult(); Errors = $Started.Errors.GetAwaiter().GetResult() }
}

# Every Message-ID the server has for $Recipient, with how many times.
function Get-DeliveryCount($Fault, [string] $Recipient) {
    $counts = @{}
    foreach ($m in $Fault.For($Recipient)) { $counts[$m.MessageId] = 1 + [int] $counts[$m.MessageId] }
    $counts
}

# What the server has more than once must be flagged PossibleDuplicate in $History (same
# Message-ID), and nothing may be there three times. Returns how many were flagged and how many
# the server has twice.
function Assert-OnlyFlaggedDuplicate($Counts, $History) {
    $flagged = @{}
    foreach ($entry in $History) { if ($entry.PossibleDuplicate) { $flagged["<$($entry.MessageId)>"] = $true } }
    $twice = @($Counts.Keys | Where-Object { $Counts[$_] -gt 1 })
    foreach ($id in $twice) { $flagged[$id] | Should -BeTrue -Because "$id was accepted $($Counts[$id]) times, so it must be flagged" }
    @($Counts.Values | Where-Object { $_ -gt 2 }).Count | Should -Be 0
    [pscustomobject]@{ Flagged = $flagged.Count; Twice = $twice.Count }
}

# Queues $Count notifications ("<Prefix><n>") to $Recipient without sending them: the store's SMTP
# port is pointed at a closed port for the run (one connection attempt, then every message is
# Deferred at once), then back at $Fault.
# They are due again after -RetryDelay.
function Add-QueuedTestNotification($Fault, [int] $Count, [string] $Prefix, [string] $Recipient = 'batch@test.local', [timespan] $RetryDelay = '00:10:00') {
    Set-SmtpServer -IdentityStore Contoso -Port ([MessagingProvider.TestSupport.FreePort]::Next()) -ErrorAction Stop
    $null = 1..$Count | ForEach-Object { "$Prefix$_" } |
        Send-Notification -IdentityStore Contoso -Event ObjectModified -To $Recipient -MaxAttempts 1 -RetryDelay $RetryDelay -ErrorAction Ignore
    Set-SmtpServer -IdentityStore Contoso -Port $Fault.Port -ErrorAction Stop
}

# Runs one SQL statement on an outbox database with the module's own SQLite (loaded in its load
# context on PowerShell 7, reached by reflection); returns the number of rows changed.
function Invoke-OutboxSql([string] $Path, [string] $Sql) {
    $assembly = [System.AppDomain]::CurrentDomain.GetAssemblies() | Where-Object { $_.GetName().Name -eq 'Microsoft.Data.Sqlite' } | Select-Object -First 1
    $connection = [System.Activator]::CreateInstance($assembly.GetType('Microsoft.Data.Sqlite.SqliteConnection'), @("Data Source=$Path;Pooling=False"))
    try {
        $connection.Open()
        $command = $connection.CreateCommand()
        $command.CommandText = $Sql
        $command.ExecuteNonQuery()
    }
    finally { $connection.Dispose() }
}

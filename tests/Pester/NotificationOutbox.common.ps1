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
    $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
    $full = "`$ErrorActionPreference = 'Continue'; Import-Module '$script:ModuleManifest' -ErrorAction Stop; $Script"
    $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
    foreach ($arg in '-NoProfile', '-NonInteractive', '-Command', $full) { $start.ArgumentList.Add($arg) }
    $start.Environment['MESSAGINGPROVIDER_CONFIG_PATH'] = $env:MESSAGINGPROVIDER_CONFIG_PATH
    $start.RedirectStandardOutput = $true
    $start.RedirectStandardError = $true
    $start.UseShellExecute = $false
    $process = [System.Diagnostics.Process]::Start($start)
    $process
}

function Wait-OutboxProcess($Process, [int] $TimeoutSeconds = 50) {
    if (-not $Process.WaitForExit($TimeoutSeconds * 1000)) {
        $Process.Kill($true)
        throw "pwsh $($Process.Id) did not finish within $TimeoutSeconds s"
    }
    [pscustomobject]@{ ExitCode = $Process.ExitCode; Output = $Process.StandardOutput.ReadToEnd(); Errors = $Process.StandardError.ReadToEnd() }
}

# Every Message-ID the server has for $Recipient, with how many times.
function Get-DeliveryCount($Fault, [string] $Recipient) {
    $counts = @{}
    foreach ($m in $Fault.For($Recipient)) { $counts[$m.MessageId] = 1 + [int] $counts[$m.MessageId] }
    $counts
}

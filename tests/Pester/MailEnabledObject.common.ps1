# Shared by the mail-enabled object test files (New-/Enable-MailEnabledGroup, -User, -Contact and
# Set-RecipientEmailAddress): the stand-in Exchange servers (ExchangeLab.common.ps1), the HTTPS cloud
# stand-ins (CloudStandIns.common.ps1) and common.ps1, which both dot-source.

. ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))

# The messages of $Messages that start with $Prefix (ordinal, case-sensitive).
function Select-MessageStartingWith([string[]] $Messages, [string] $Prefix) {
    @($Messages | Where-Object { $_.StartsWith($Prefix, [System.StringComparison]::Ordinal) })
}

# The cmdlet names of the requests Exchange Online received, oldest first.
function Get-ExchangeOnlineCmdlet {
    foreach ($request in $ExchangeOnline.Requests) { $request['CmdletName'].ToString() }
}

# The requests Exchange Online received that change something (the address checks' reads left out).
function Get-ExchangeOnlineChange {
    foreach ($request in $ExchangeOnline.Requests) {
        if ($request['CmdletName'].ToString() -notin 'Get-AcceptedDomain', 'Get-Recipient') { , $request }
    }
}

# The one change Exchange Online received, last, after the address checks' reads: its cmdlet, and
# the name of the object it created, which Exchange Online then holds under that name.
function Assert-SingleExchangeOnlineRequest([string] $Cmdlet, [string] $Name) {
    @(Get-ExchangeOnlineChange) | Should -HaveCount 1
    $sent = $ExchangeOnline.Requests[$ExchangeOnline.Requests.Count - 1]
    $sent['CmdletName'].ToString() | Should -BeExactly $Cmdlet
    $sent['Parameters']['Name'].ToString() | Should -BeExactly $Name
    $ExchangeOnline.Recipients[$Name]['Name'].ToString() | Should -BeExactly $Name
}

# The -Filter of every request Exchange Online received, oldest first (a JsonObject enumerates its
# properties, so the requests are walked with foreach, not piped).
function Get-ExchangeOnlineFilter {
    foreach ($request in $ExchangeOnline.Requests) {
        $parameters = $request['Parameters']
        if ($parameters -and $parameters.ContainsKey('Filter')) { $parameters['Filter'].ToString() }
    }
}

# A New-/Enable-* result of a cloud store: no error, one object with this primary address, made by
# one Exchange Online request of $Cmdlet for $Name.
function Assert-CreatedInExchangeOnline($Result, $Errors, [string] $Address, [string] $Cmdlet, [string] $Name) {
    @($Errors) | Should -HaveCount 0
    $Result | Should -HaveCount 1
    $Result.PrimarySmtpAddress | Should -BeExactly $Address
    $Result.Command | Should -BeExactly $Cmdlet
    Assert-SingleExchangeOnlineRequest -Cmdlet $Cmdlet -Name $Name
}

# Freezes the stand-in process $Hung (SIGSTOP: it accepts nothing and answers nothing, as a hung
# server), runs Enable-MailEnabledGroup in a second runspace of this process (same module load context,
# so the same stand-in routing, and the same configuration directory), waits until it opens a session
# to that server, lets it wait there a second, then stops it as Ctrl+C does. Returns how it ended.
function Stop-EnableMailEnabledGroupAtHungServer([MessagingProvider.TestSupport.ExchangeServerProcess] $Hung, [string] $Identity) {
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $shell = [powershell]::Create()
    $shell.Runspace = $runspace
    & kill -STOP $Hung.ProcessId
    try {
        $null = $shell.AddCommand('Import-Module').AddParameter('Name', $script:ModuleManifest).AddParameter('ErrorAction', 'Stop')
        $import = $shell.BeginInvoke()
        if (-not $import.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(60))) { throw 'Import-Module in the second runspace did not finish within 60 s.' }
        $null = $shell.EndInvoke($import)
        $shell.Commands.Clear()

        $null = $shell.AddCommand('Enable-MailEnabledGroup').AddParameter('IdentityStore', 'Contoso').AddParameter('Identity', $Identity).AddParameter('Verbose')
        $pending = $shell.BeginInvoke()
        $opening = "Exchange server '$($Hung.Name)': opening a remote PowerShell session."
        $deadline = [datetime]::UtcNow.AddSeconds(30)
        while (-not ($shell.Streams.Verbose | Where-Object Message -EQ $opening)) {
            if ($pending.IsCompleted) { throw "Enable-MailEnabledGroup ended before opening a session to $($Hung.Name)." }
            if ([datetime]::UtcNow -gt $deadline) { throw "Enable-MailEnabledGroup did not open a session to $($Hung.Name) within 30 s." }
            Start-Sleep -Milliseconds 50
        }
        Start-Sleep -Seconds 1

        $watch = [System.Diagnostics.Stopwatch]::StartNew()
        $stop = $shell.BeginStop($null, $null)
        if (-not $stop.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Stopping Enable-MailEnabledGroup did not finish within 30 s.' }
        $shell.EndStop($stop)
        [pscustomobject]@{
            State       = $shell.InvocationStateInfo.State
            Completed   = $pending.IsCompleted
            StopSeconds = $watch.Elapsed.TotalSeconds
        }
    }
    finally {
        & kill -CONT $Hung.ProcessId
        $shell.Dispose()
        $runspace.Dispose()
    }
}

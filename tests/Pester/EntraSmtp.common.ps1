# Shared set-up of the Entra ID SMTP client Pester tests: the Entra ID stand-in whose delegated
# tokens the real test mail server (Postfix + Dovecot) accepts for XOAUTH2 (they are signed with the
# mail server's key), and a store whose smart host is that server.
# Needs root (Postfix), the Debian packages in tests/apt-packages.txt, and a build (./test.sh).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'SmtpCommon.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))

$script:EntraSecret = 'Qx8~stand-in-secret'
$script:EntraMailbox = 'notifier@test.local'
$script:EntraTestSubject = 'MessagingProvider test message for Contoso'

function Start-EntraSmtpTest($MailServer) {
    Initialize-TestConfiguration
    Import-Module $ModuleManifest -Force -ErrorAction Stop
    Start-CloudStandIn
    $script:Entra.DelegatedTokenSigningKey = $MailServer.SigningKey
}

function Stop-EntraSmtpTest {
    Stop-CloudStandIn
    Remove-TestConfiguration
}

# A store whose Entra ID SMTP client uses the stand-in and the test mail server's STARTTLS port (certificate pinned).
function New-EntraSmtpTestStore($MailServer, [string] $Secret = $script:EntraSecret) {
    $null = New-IdentityStore -Name Contoso
    Set-EntraSmtpClient -IdentityStore Contoso -TenantId $script:Entra.TenantId -ClientId $script:Entra.ClientId `
        -ClientSecret (ConvertTo-TestSecureString $Secret) -AuthorityHost $script:Entra.AuthorityHost `
        -SmartHost $MailServer.Host -Port $MailServer.StartTlsPort -CertificateThumbprint $MailServer.Certificate.Thumbprint -ErrorAction Stop
}

# Runs $Script, which must be refused with exactly one error $ErrorId of $Category, and checks that
# the stored configuration did not change. Returns the error record.
function Assert-Refused([scriptblock] $Script, [string] $ErrorId, [System.Management.Automation.ErrorCategory] $Category) {
    $ErrorActionPreference = 'Continue'
    $before = Get-ConfigurationSnapshot
    $errors = @(try { & $Script 2>&1 } catch { $_ }) | Where-Object { $_ -is [System.Management.Automation.ErrorRecord] }
    $errors | Should -HaveCount 1 -Because "$Script must be refused with one error"
    $errors[0].FullyQualifiedErrorId | Should -Be $ErrorId
    $errors[0].CategoryInfo.Category | Should -Be $Category
    Assert-ConfigurationUnchanged $before
    $errors[0]
}

# The message with $MessageId in $To's inbox (subject containing $Subject), waiting up to 15 s for it.
function Wait-TestMessage($MailServer, [string] $To, [string] $MessageId, [string] $Subject = $script:EntraTestSubject) {
    $deadline = [datetime]::UtcNow.AddSeconds(15)
    do {
        $found = @($MailServer.Mail.Find($To, $Subject) | Where-Object MessageId -eq $MessageId)
        if ($found.Count -gt 0) { return $found }
        Start-Sleep -Milliseconds 200
    } while ([datetime]::UtcNow -lt $deadline)
    throw "The message $MessageId never arrived in the inbox of $To within 15 s."
}

# Starts $Script in a new runspace of this process that has imported the module (a scheduled job,
# or a console where a person runs a command); $ArgumentList becomes $args.
function Start-ModuleRunspace([string] $Script, [object[]] $ArgumentList = @()) {
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $null = $ps.AddCommand('Import-Module').AddParameter('Name', $ModuleManifest).AddParameter('ErrorAction', 'Stop')
    $null = $ps.AddStatement().AddScript($Script)
    foreach ($argument in $ArgumentList) { $null = $ps.AddArgument($argument) }
    [pscustomobject]@{ PowerShell = $ps; Runspace = $runspace; Handle = $ps.BeginInvoke(); Stopped = $false }
}

# Stops a run started by Start-ModuleRunspace as Ctrl+C does, waiting at most 30 s.
function Stop-ModuleRunspace($Run) {
    $stopping = $Run.PowerShell.BeginStop($null, $null)
    if (-not $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Stopping the command in the other runspace did not finish within 30 s.' }
    $Run.PowerShell.EndStop($stopping)
    $Run.Stopped = $true
}

# Waits (at most $TimeoutSeconds) until a run started by Start-ModuleRunspace ends and returns what
# it wrote: Output, Errors (a terminating error included), Warnings and Verbose (message texts), State.
function Complete-ModuleRunspace($Run, [string] $Step, [int] $TimeoutSeconds = 30) {
    $ps = $Run.PowerShell
    if (-not $Run.Handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds($TimeoutSeconds))) {
        $null = $ps.BeginStop($null, $null)
        throw "$Step did not finish within $TimeoutSeconds s (state $($ps.InvocationStateInfo.State))."
    }
    $output = @()
    $errors = @($ps.Streams.Error)
    if (-not $Run.Stopped) {
        try { $output = @($ps.EndInvoke($Run.Handle)) }
        catch {
            $inner = $_.Exception.InnerException
            if ($inner -is [System.Management.Automation.IContainsErrorRecord]) { $errors += $inner.ErrorRecord } else { throw }
        }
    }
    $result = [pscustomobject]@{
        Output    = $output
        Errors    = $errors
        Warnings  = @($ps.Streams.Warning | ForEach-Object Message)
        Verbose   = @($ps.Streams.Verbose | ForEach-Object Message)
        State     = $ps.InvocationStateInfo.State
        Completed = $Run.Handle.IsCompleted
    }
    $ps.Dispose()
    $Run.Runspace.Dispose()
    $result
}

# Connect-EntraSmtpMailbox -Verbose in another runspace of this process while a person reads the
# code from its warning and signs in at the stand-in as $Mailbox ($null: declines; -Stop: presses
# Ctrl+C instead). Returns what Complete-ModuleRunspace does plus Instructions (the first warning).
function Invoke-TestMailboxLogon([AllowNull()] $Mailbox, [switch] $Stop) {
    $run = Start-ModuleRunspace 'Connect-EntraSmtpMailbox -IdentityStore Contoso -Verbose'
    $warnings = $run.PowerShell.Streams.Warning
    $deadline = [datetime]::UtcNow.AddSeconds(30)
    while ($warnings.Count -eq 0 -and -not $run.Handle.IsCompleted -and [datetime]::UtcNow -lt $deadline) { Start-Sleep -Milliseconds 100 }
    if ($warnings.Count -eq 0) {
        $errors = @($run.PowerShell.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }) -join '; '
        if (-not $run.Handle.IsCompleted) { $null = $run.PowerShell.BeginStop($null, $null) }
        throw "Connect-EntraSmtpMailbox showed no device code within 30 s (state $($run.PowerShell.InvocationStateInfo.State)). $errors"
    }
    $instructions = $warnings[0].Message
    # PowerShell passes $null to a string parameter of a .NET method as '' (a sign-in as nobody): [NullString] declines.
    if ($Stop) { Stop-ModuleRunspace $run } else { $script:Entra.CompleteDeviceLogin($instructions, $(if ($null -ne $Mailbox) { $Mailbox } else { [NullString]::Value })) }
    $result = Complete-ModuleRunspace $run -Step 'Connect-EntraSmtpMailbox (device-code sign-in)'
    $result | Add-Member -NotePropertyName Instructions -NotePropertyValue $instructions -PassThru
}

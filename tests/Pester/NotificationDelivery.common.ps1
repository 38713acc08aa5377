# Shared set-up of Set-/Get-NotificationDelivery: common.ps1, the HTTPS stand-ins of Entra ID and Microsoft
# Graph (CloudStandIns.common.ps1) and a way to look at every stream a command wrote.

. ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))

# Runs $Command and returns what it wrote, one stream per property: Output, Errors (the non-terminating ones,
# then the terminating one that stopped it, if any), Warnings and Verbose (messages; pass -Verbose inside $Command).
function Invoke-Captured([scriptblock] $Command) {
    $ErrorActionPreference = 'Continue'
    $records = [System.Collections.Generic.List[object]]::new()
    $terminating = $null
    try { & $Command 2>&1 3>&1 4>&1 | ForEach-Object { $records.Add($_) } }
    catch { $terminating = $_ }
    $streams = [System.Management.Automation.ErrorRecord], [System.Management.Automation.WarningRecord], [System.Management.Automation.VerboseRecord]
    $of = { param([type] $Type) $records | Where-Object { $_ -is $Type } }
    [pscustomobject]@{
        Output   = @($records | Where-Object { $record = $_; -not ($streams | Where-Object { $record -is $_ }) })
        Errors   = @(& $of ([System.Management.Automation.ErrorRecord]); if ($terminating) { $terminating })
        Warnings = @(& $of ([System.Management.Automation.WarningRecord]) | ForEach-Object Message)
        Verbose  = @(& $of ([System.Management.Automation.VerboseRecord]) | ForEach-Object Message)
    }
}

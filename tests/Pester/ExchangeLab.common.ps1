# Stand-in Exchange servers for the Pester suite: separate processes hosting PowerShell 7.6 with
# stand-in Exchange cmdlets (MessagingProvider.TestSupport.ExchangeStandIns), reached by the module's
# own runner over NamedPipeConnectionInfo(process id) instead of WS-Management.
# Needs common.ps1 (New-TestCredential, Initialize-TestConfiguration).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

function New-ExchangeLab {
    param([string[]] $Server = @('ExchA', 'ExchB'), [string] $Authentication = 'Negotiate')
    $script:Lab = [MessagingProvider.TestSupport.ExchangeStandIns]::new($false, 'contoso.com')
    $script:StandInState = $script:Lab.Directory.Path
    $null = New-IdentityStore -Name Contoso
    Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) `
        -Authentication $Authentication -ExcludedSmtpDomain contoso.mail.onmicrosoft.com -Server $Server -Force
    for ($i = 0; $i -lt $Server.Count; $i++) {
        Set-ExchangeServerPriority -IdentityStore Contoso -Server $Server[$i] -Priority ($i + 1)
    }
}

# Starts the stand-in server process $Name; $Environment holds STANDIN_* behaviour switches.
function Start-StandInServer([string] $Name, [hashtable] $Environment = @{}) {
    $variables = [System.Collections.Generic.Dictionary[string, string]]::new()
    foreach ($key in $Environment.Keys) { $variables[$key] = [string] $Environment[$key] }
    $script:Lab.Start($Name, $variables)
}

function Stop-StandInServer([string] $Name) { $script:Lab.Kill($Name) }

function Remove-ExchangeLab {
    if ($script:Lab) { $script:Lab.Dispose(); $script:Lab = $null }
    if ($script:ConnectionWatch) { [MessagingProvider.TestSupport.ExchangeConnectionSeam]::Route($null); $script:ConnectionWatch = $null }
}

# Points the module's connection seam at a recorder instead of a lab: every server the runner tries to
# reach is added to the returned queue, and the connection fails as to a server that is down.
# Remove-ExchangeLab resets the seam.
function Watch-ExchangeConnection {
    $script:ConnectionWatch = $connections = [System.Collections.Concurrent.ConcurrentQueue[string]]::new()
    $down = [int]::MaxValue - 7
    [MessagingProvider.TestSupport.ExchangeConnectionSeam]::Route([System.Func[string, System.Management.Automation.Runspaces.RunspaceConnectionInfo]] {
            param([string] $Server)
            $connections.Enqueue($Server)
            [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new($down)
        }.GetNewClosure())
    , $connections
}

function Get-StandInJournal {
    $file = [System.IO.Path]::Combine($script:StandInState, 'journal.log')
    if (-not [System.IO.File]::Exists($file)) { return @() }
    foreach ($line in [System.IO.File]::ReadAllLines($file)) {
        if (-not $line) { continue }
        $server, $command, $identity = $line -split "`t"
        [pscustomobject]@{ Server = $server; Command = $command; Identity = $identity }
    }
}

# The journal as "server|command|identity" lines, oldest first.
function Get-StandInJournalLine {
    foreach ($entry in Get-StandInJournal) { '{0}|{1}|{2}' -f $entry.Server, $entry.Command, $entry.Identity }
}

function Set-StandInExchangeServers([object[]] $Servers) {
    $json = $Servers | ForEach-Object { @{ Name = $_[0]; Fqdn = $_[0]; AdminDisplayVersion = $_[1]; ServerRole = $_[2] } } | ConvertTo-Json -AsArray
    [System.IO.File]::WriteAllText([System.IO.Path]::Combine($script:StandInState, 'exchange-servers.json'), $json)
}

function Add-StandInRecipient([string] $Identity, [string] $Type, [string[]] $EmailAddresses) {
    $objects = [System.IO.Path]::Combine($script:StandInState, 'objects')
    $null = [System.IO.Directory]::CreateDirectory($objects)
    $primary = ($EmailAddresses | Where-Object { $_ -clike 'SMTP:*' }).Substring(5)
    $json = @{ Key = $Identity; Name = $Identity; Alias = $Identity; RecipientTypeDetails = $Type; PrimarySmtpAddress = $primary; EmailAddresses = $EmailAddresses; CreatedBy = 'seed' } | ConvertTo-Json
    [System.IO.File]::WriteAllText([System.IO.Path]::Combine($objects, "seed-$([guid]::NewGuid().ToString('N')).json"), $json)
}

# The stored EmailAddresses of a stand-in recipient, one string each (throws for an unknown recipient).
function Get-StandInEmailAddresses([string] $Identity) {
    $script:Lab.Directory.EmailAddressesOf($Identity)
}

function New-GroupObject([string[]] $Name) {
    foreach ($n in $Name) { [pscustomobject]@{ DistinguishedName = "CN=$n,OU=Groups,DC=contoso,DC=com"; SamAccountName = $n; Name = $n } }
}

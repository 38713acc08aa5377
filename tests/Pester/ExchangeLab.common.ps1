# Stand-in Exchange servers for the Pester suite, as tests/MessagingProvider.Tests/Infrastructure/ExchangeLab.cs
# does for the hosted-engine tests: separate processes hosting PowerShell 7.6 with stand-in
# Exchange cmdlets, reached by the module's own runner over NamedPipeConnectionInfo(process id).
# Needs common.ps1 (New-TestCredential, Initialize-TestConfiguration) and a build of
# tests/MessagingProvider.ExchangeStandIn.

$script:StandInAssembly = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine(
        $PSScriptRoot, '..', 'MessagingProvider.ExchangeStandIn', 'bin', 'Release', 'net10.0', 'MessagingProvider.ExchangeStandIn.dll'))

function New-ExchangeLab {
    param([string[]] $Server = @('ExchA', 'ExchB'), [string] $Authentication = 'Negotiate')
    $script:StandInState = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-standin-' + [guid]::NewGuid().ToString('N'))
    $null = [System.IO.Directory]::CreateDirectory($script:StandInState)
    $script:StandIns = @{}
    $script:Reconnected = @{}
    Set-StandInRouting
    $null = New-IdentityStore -Name Contoso
    Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) `
        -Authentication $Authentication -ExcludedSmtpDomain contoso.mail.onmicrosoft.com -Server $Server -Force
    for ($i = 0; $i -lt $Server.Count; $i++) {
        Set-ExchangeServerPriority -IdentityStore Contoso -Server $Server[$i] -Priority ($i + 1)
    }
}

function Start-StandInServer([string] $Name, [hashtable] $Environment = @{}) {
    $start = [System.Diagnostics.ProcessStartInfo]::new('dotnet')
    $start.ArgumentList.Add($script:StandInAssembly)
    $start.RedirectStandardInput = $true
    $start.RedirectStandardOutput = $true
    $start.UseShellExecute = $false
    $start.Environment['STANDIN_SERVER'] = $Name
    $start.Environment['STANDIN_STATE'] = $script:StandInState
    $start.Environment['STANDIN_DOMAIN'] = 'contoso.com'
    foreach ($key in $Environment.Keys) { $start.Environment[$key] = $Environment[$key] }
    $process = [System.Diagnostics.Process]::Start($start)
    $ready = $process.StandardOutput.ReadLine()
    if ($ready -notlike 'ready*') { throw "The stand-in server $Name did not start." }
    $script:StandIns[$Name] = $process
    $process
}

function Stop-StandInServer([string] $Name) {
    $process = $script:StandIns[$Name]
    if ($process -and -not $process.HasExited) { $process.Kill($true); $null = $process.WaitForExit(30000) }
}

function Set-StandInRouting([switch] $Clear) {
    # The runner's test seam lives in the module's copy of MessagingProvider.Core, in its private load context.
    $core = [System.Runtime.Loader.AssemblyLoadContext]::All |
        Where-Object Name -eq 'MessagingProvider' |
        ForEach-Object { $_.Assemblies } |
        Where-Object { $_.GetName().Name -eq 'MessagingProvider.Core' }
    $field = $core.GetType('MessagingProvider.Exchange.Remoting.ExchangeConnectionInfoFactory', $true).GetField(
        'TestConnectionOverride', [System.Reflection.BindingFlags]'NonPublic, Static')
    if ($Clear) { $field.SetValue($null, $null); return }
    $standIns = $script:StandIns
    $reconnected = $script:Reconnected
    $route = [System.Func[string, System.Management.Automation.Runspaces.RunspaceConnectionInfo]] {
        param($name)
        $process = $standIns[$name]
        if (-not $process) { return [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new([int]::MaxValue - 7) }
        # The engine's pipe listener needs a moment before the next client (see StandInServer.ReconnectPause).
        if ($reconnected[$name]) { Start-Sleep -Milliseconds 500 }
        $reconnected[$name] = $true
        [System.Management.Automation.Runspaces.NamedPipeConnectionInfo]::new($process.Id)
    }.GetNewClosure()
    $field.SetValue($null, $route)
}

function Remove-ExchangeLab {
    Set-StandInRouting -Clear
    foreach ($name in @($script:StandIns.Keys)) { Stop-StandInServer $name }
    if ($script:StandInState -and [System.IO.Directory]::Exists($script:StandInState)) { [System.IO.Directory]::Delete($script:StandInState, $true) }
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

function Get-StandInEmailAddresses([string] $Identity) {
    foreach ($file in [System.IO.Directory]::GetFiles([System.IO.Path]::Combine($script:StandInState, 'objects'), '*.json')) {
        $recipient = [System.IO.File]::ReadAllText($file) | ConvertFrom-Json
        if ($recipient.Key -eq $Identity) { return , [string[]] $recipient.EmailAddresses }
    }
}

function New-GroupObject([string[]] $Name) {
    foreach ($n in $Name) { [pscustomobject]@{ DistinguishedName = "CN=$n,OU=Groups,DC=contoso,DC=com"; SamAccountName = $n; Name = $n } }
}

function Get-ClosedPort {
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $port = $listener.LocalEndpoint.Port
    $listener.Stop()
    $port
}

function Start-ProbeListener([switch] $Silent) {
    # A listener on 127.0.0.1 that answers 401 + WWW-Authenticate: Negotiate (or, -Silent, accepts and never answers).
    $listener = [System.Net.Sockets.TcpListener]::new([System.Net.IPAddress]::Loopback, 0)
    $listener.Start()
    $worker = [powershell]::Create().AddScript({
            param($listener, $silent)
            $held = [System.Collections.Generic.List[object]]::new()
            while ($true) {
                $client = $listener.AcceptTcpClient()
                if ($silent) { $held.Add($client); continue }
                $stream = $client.GetStream()
                $reader = [System.IO.StreamReader]::new($stream)
                while ($reader.ReadLine()) { }
                $bytes = [System.Text.Encoding]::ASCII.GetBytes("HTTP/1.1 401 Unauthorized`r`nWWW-Authenticate: Negotiate`r`nContent-Length: 0`r`nConnection: close`r`n`r`n")
                $stream.Write($bytes, 0, $bytes.Length)
                $client.Close()
            }
        }).AddArgument($listener).AddArgument([bool] $Silent)
    $null = $worker.BeginInvoke()
    [pscustomobject]@{ Port = $listener.LocalEndpoint.Port; Listener = $listener; Worker = $worker }
}

function Stop-ProbeListener($ProbeListener) {
    $ProbeListener.Listener.Stop()
    $ProbeListener.Worker.Stop()
    $ProbeListener.Worker.Dispose()
}

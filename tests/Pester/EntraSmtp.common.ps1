# Shared set-up of the Entra ID SMTP client Pester tests, as tests/MessagingProvider.Tests/Smtp/
# EntraSmtpClientCommandTests.cs: the Entra ID stand-in whose delegated tokens the real test mail
# server (Postfix + Dovecot) accepts for XOAUTH2, and a store whose smart host is that server.
# Needs root (Postfix), the Debian packages in tests/apt-packages.txt, and a build (./test.sh).

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'SmtpCommon.ps1'))
. ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))

$script:EntraSecret = 'Qx8~stand-in-secret'
$script:EntraMailbox = 'notifier@test.local'

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

function New-EntraSmtpTestStore($MailServer, [string] $Secret = $script:EntraSecret) {
    $null = New-IdentityStore -Name Contoso
    Set-EntraSmtpClient -IdentityStore Contoso -TenantId $script:Entra.TenantId -ClientId $script:Entra.ClientId `
        -ClientSecret (ConvertTo-TestSecureString $Secret) -AuthorityHost $script:Entra.AuthorityHost `
        -SmartHost $MailServer.Host -Port $MailServer.StartTlsPort -CertificateThumbprint $MailServer.Certificate.Thumbprint
}

# Connect-EntraSmtpMailbox in another runspace of this process while a person reads the code from
# its warning and signs in at the stand-in as $Mailbox ($null: declines; -Stop: presses Ctrl+C).
function Invoke-TestMailboxLogon([string] $Mailbox, [switch] $Stop) {
    $runspace = [runspacefactory]::CreateRunspace()
    $runspace.Open()
    $ps = [powershell]::Create()
    $ps.Runspace = $runspace
    $null = $ps.AddScript('Import-Module $args[0] -ErrorAction Stop; Connect-EntraSmtpMailbox -IdentityStore Contoso').AddArgument($ModuleManifest)
    $running = $ps.BeginInvoke()
    $until = [datetime]::UtcNow.AddSeconds(60)
    while ($ps.Streams.Warning.Count -eq 0 -and [datetime]::UtcNow -lt $until) { Start-Sleep -Milliseconds 100 }
    $instructions = $ps.Streams.Warning | Select-Object -First 1 -ExpandProperty Message
    if ($Stop) { $ps.Stop() } else { $script:Entra.CompleteDeviceLogin($instructions, $Mailbox) }
    $output = if ($Stop) { @() } else { try { $ps.EndInvoke($running) } catch { @() } }
    [pscustomobject]@{
        Instructions = $instructions
        Output       = $output
        Errors       = @($ps.Streams.Error)
        State        = $ps.InvocationStateInfo.State
    }
    $ps.Dispose()
    $runspace.Dispose()
}

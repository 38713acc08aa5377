# Shared by the mail server, mail account, provider-domain, Resolve-EmailProvider and Test-MailAccount
# test files: each one's BeforeAll dot-sources this file (and only this file). The real servers
# (dnsmasq; Postfix + Dovecot) are the stand-ins of tests/MessagingProvider.TestSupport, which
# common.ps1 loads.

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
Import-Module $ModuleManifest -Force

# An error a test does not ask for (with -ErrorAction SilentlyContinue -ErrorVariable) fails it:
# set-up and checked commands must run cleanly.
$ErrorActionPreference = 'Stop'

# Contoso with 'Contoso IMAP' (ImapSmtp, mailbox-name logins) and 'Fabrikam EWS' (Exchange, manual logins).
function New-MailServerTestStore {
    $null = New-IdentityStore -Name Contoso
    $null = New-MailServer -IdentityStore Contoso -Name 'Contoso IMAP' -ServiceType ImapSmtp -ServiceAddress mail.contoso.com -Receive -Send -LoginFormat MailboxName
    $null = New-MailServer -IdentityStore Contoso -Name 'Fabrikam EWS' -ServiceType Exchange -ServiceAddress ews.fabrikam.com -Receive -LoginFormat Manual
}

# New-MailServerTestStore plus contoso.com and contoso.net (from the pipeline) mapped to 'Contoso IMAP'.
function New-ProviderDomainTestStore {
    New-MailServerTestStore
    'contoso.com', 'contoso.net' | Add-EmailProviderDomain -IdentityStore Contoso -MailServer 'Contoso IMAP'
}

# New-ProviderDomainTestStore with anna@contoso.com and ben@contoso.net (piped, on 'Contoso IMAP')
# and carl@fabrikam.com (on 'Fabrikam EWS', login carl).
function New-MailAccountTestStore {
    New-ProviderDomainTestStore
    'anna@contoso.com', 'ben@contoso.net' | New-MailAccount -IdentityStore Contoso -Password (ConvertTo-TestSecureString 'P@ss-1') | Out-Null
    $null = New-MailAccount -IdentityStore Contoso -EmailAddress carl@fabrikam.com -MailServer 'Fabrikam EWS' -Login carl -Password (ConvertTo-TestSecureString 'P@ss-2')
}

function Get-ProviderDomainTable {
    (Get-EmailProviderDomain -IdentityStore Contoso | ForEach-Object { '{0}>{1}' -f $_.Domain, $_.MailServer }) -join ','
}

# The one object piped in; fails the test when there are none or several.
function Select-Single {
    $all = @($input)
    $all.Count | Should -Be 1 -Because 'the command should write exactly one object'
    $all[0]
}

# 'Protocol/Stage:Status' of every stage of a Test-MailAccount result, in order.
function Get-StageLine($Result) {
    ($Result.Stages | ForEach-Object { '{0}/{1}:{2}' -f $_.Protocol, $_.Stage, $_.Status }) -join ','
}

# The Detail of the one stage named 'Tls' or 'Smtp/Tls' (protocol/stage) in a Test-MailAccount result.
function Get-StageDetail($Result, [string] $Stage) {
    $matching = @($Result.Stages | Where-Object {
            $Stage -eq $(if ($Stage.Contains('/')) { '{0}/{1}' -f $_.Protocol, $_.Stage } else { "$($_.Stage)" })
        })
    $matching.Count | Should -Be 1 -Because "the result should have one stage $Stage"
    $matching[0].Detail
}

# Runs $Script (with $ArgumentList) in a new runspace with the module, waits until $Started is set
# (the command has reached the server), stops it, and checks it stopped without writing output.
function Assert-StopsWhileWaiting([string] $Script, [object[]] $ArgumentList, [System.Threading.ManualResetEventSlim] $Started, [string] $StartedStep) {
    $ps = [powershell]::Create()
    try {
        $null = $ps.AddScript("Import-Module '$ModuleManifest'`n$Script")
        foreach ($argument in $ArgumentList) { $null = $ps.AddArgument($argument) }
        $output = [System.Management.Automation.PSDataCollection[psobject]]::new()
        $running = $ps.BeginInvoke([System.Management.Automation.PSDataCollection[psobject]]::new(), $output)
        $Started.Wait([timespan]::FromSeconds(45)) | Should -BeTrue -Because "$StartedStep (state $($ps.InvocationStateInfo.State): $($ps.InvocationStateInfo.Reason))"
        $stopping = $ps.BeginStop($null, $null)
        if (-not $stopping.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'Stopping the command did not finish within 30 s.' }
        $ps.EndStop($stopping)
        if (-not $running.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(30))) { throw 'The stopped command did not finish within 30 s.' }
        $stopped = $null
        try { $ps.EndInvoke($running) } catch { $stopped = $_.Exception.GetBaseException() }
        $stopped | Should -BeOfType ([System.Management.Automation.PipelineStoppedException])
        $ps.InvocationStateInfo.State | Should -Be ([System.Management.Automation.PSInvocationState]::Stopped)
        # A result would mean it ran into its timeout instead of stopping.
        $output.Count | Should -Be 0
    }
    finally { $ps.Dispose() }
}

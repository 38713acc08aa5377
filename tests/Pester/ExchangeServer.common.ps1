# Shared by the Exchange server test files (Add/Get/Remove-ExchangeServer, Set-ExchangeServerPriority,
# Test-ExchangeServer, Sync-ExchangeServer, Set-ExchangeConnectionOption). Dot-sources common.ps1.

. ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))

# A store Contoso (provider Exchange) with ExchA (1), ExchB (2), ExchC (3).
function New-ExchangeServerTestStore {
    New-ExchangeTestStore
    Add-ExchangeServer -IdentityStore Contoso -Server ExchA -ErrorAction Stop
    'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore Contoso -ErrorAction Stop
}

# The store's servers as "priority:name,..." in the order Get-ExchangeServer lists them.
function Get-ServerOrder([string] $IdentityStore = 'Contoso') {
    (Get-ExchangeServer -IdentityStore $IdentityStore -ErrorAction Stop | ForEach-Object { '{0}:{1}' -f $_.Priority, $_.Name }) -join ','
}

# A store Contoso (provider Exchange) whose only server is 127.0.0.1, for the status probe.
function New-LoopbackServerTestStore {
    $null = New-IdentityStore -Name Contoso
    Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential (New-TestCredential) -Server 127.0.0.1 -Force -ErrorAction Stop
}

# A port on 127.0.0.1 that refuses connections.
function Get-RefusingPort { [MessagingProvider.TestSupport.ProbeListener]::ClosedPort() }

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

# Exactly one error record, with this id (from this command) and this category.
function Assert-SingleError($ErrorRecords, [string] $ErrorId, [string] $Command, [System.Management.Automation.ErrorCategory] $Category) {
    @($ErrorRecords) | Should -HaveCount 1 -Because 'the command reports exactly one error'
    $ErrorRecords[0].FullyQualifiedErrorId | Should -Be "$ErrorId,MessagingProvider.Commands.$Command"
    $ErrorRecords[0].CategoryInfo.Category | Should -Be $Category
}

# A port on 127.0.0.1 that refuses connections.
function Get-RefusingPort { [MessagingProvider.TestSupport.ProbeListener]::ClosedPort() }

# Shared by the Exchange server list test files: a store with ExchA (1), ExchB (2), ExchC (3).
function New-ExchangeServerTestStore {
    New-ExchangeTestStore
    Add-ExchangeServer -IdentityStore Contoso -Server ExchA
    'ExchB', 'ExchC' | Add-ExchangeServer -IdentityStore Contoso
}

function Get-ServerOrder {
    (Get-ExchangeServer -IdentityStore Contoso | ForEach-Object { '{0}:{1}' -f $_.Priority, $_.Name }) -join ','
}

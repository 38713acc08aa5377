#!/usr/bin/env bash
# Builds the module, imports it into a PowerShell 7.6 engine and shows it working, with a
# throw-away configuration directory. Uses pwsh when installed, else the hosted engine.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/MessagingProvider -c Release -nologo -clp:ErrorsOnly >/dev/null
export MESSAGINGPROVIDER_CONFIG_PATH="$(mktemp -d)/MessagingProvider"
trap 'rm -rf "$(dirname "$MESSAGINGPROVIDER_CONFIG_PATH")"' EXIT
script=$(cat <<'PS1'
New-IdentityStore -Name Contoso
Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain contoso.com -MaximumAliasLength 20 -AliasPattern '[a-z][a-z0-9.]*' -PassThru
Test-EmailAlias -IdentityStore Contoso -Alias 'john.smith', 'John Smith', 'a.very.long.alias.for.sales'
Get-IdentityStore -Name Nowhere
PS1
)
if command -v pwsh >/dev/null 2>&1; then
  pwsh -NoLogo -NoProfile -Command "Import-Module ./out/MessagingProvider/MessagingProvider.psd1; $script"
else
  dotnet run --project tools/MessagingProvider.HostedShell -c Release -- out/MessagingProvider/MessagingProvider.psd1 "$script" || true
fi

#!/usr/bin/env bash
# Builds the module, imports it into real pwsh (the pinned 7.6.10 that tools/install-pwsh.sh puts in
# .tools/) and shows it working, with a throw-away configuration directory.
set -euo pipefail
cd "$(dirname "$0")"
dotnet build src/MessagingProvider -c Release -nologo -clp:ErrorsOnly >/dev/null
export MESSAGINGPROVIDER_CONFIG_PATH="$(mktemp -d)/MessagingProvider"
trap 'rm -rf "$(dirname "$MESSAGINGPROVIDER_CONFIG_PATH")"' EXIT
script=$(cat <<'PS1'
New-IdentityStore -Name Contoso
Set-MessagingProvider -IdentityStore Contoso -Provider Other -Domain contoso.com -MaximumAliasLength 20 -AliasPattern '[a-z][a-z0-9.]*' -PassThru
Test-EmailAlias -IdentityStore Contoso -Alias 'john.smith', 'John Smith', 'a.very.long.alias.for.sales'
# A clear error for a store that does not exist (the demo goes on).
try { Get-IdentityStore -Name Nowhere -ErrorAction Stop } catch { Write-Host "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" }
PS1
)
tools/install-pwsh.sh
.tools/pwsh/pwsh -NoLogo -NoProfile -Command "Import-Module ./out/MessagingProvider/MessagingProvider.psd1; $script"

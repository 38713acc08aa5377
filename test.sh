#!/usr/bin/env bash
# The one test command: sets up a fresh Debian 12 machine (system packages the tests need, pinned
# pwsh and Pester, NuGet restore), builds the module into out/MessagingProvider, and runs every
# test: xunit (Core, clients) and the Pester suite in real pwsh (every cmdlet behaviour).
# Usage: ./test.sh [extra dotnet test arguments, e.g. --filter FullyQualifiedName~Smtp: then xunit only]
set -euo pipefail
cd "$(dirname "$0")"

# System packages some tests run for real (one per line in tests/apt-packages.txt).
if [ -s tests/apt-packages.txt ]; then
  mapfile -t wanted < <(grep -vE '^\s*(#|$)' tests/apt-packages.txt)
  missing=()
  for pkg in "${wanted[@]}"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  if [ ${#missing[@]} -gt 0 ]; then
    echo "Installing system packages: ${missing[*]}"
    sudo_cmd=(); [ "$(id -u)" -eq 0 ] || sudo_cmd=(sudo)
    # Keep installs from starting the system's own daemons: tests start private instances.
    printf '#!/bin/sh\nexit 101\n' | "${sudo_cmd[@]}" tee /usr/sbin/policy-rc.d >/dev/null
    "${sudo_cmd[@]}" chmod +x /usr/sbin/policy-rc.d
    "${sudo_cmd[@]}" apt-get update -qq
    DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}"
    "${sudo_cmd[@]}" rm -f /usr/sbin/policy-rc.d
  fi
fi

# Real PowerShell and Pester, pinned, in .tools/ (tools/install-pwsh.sh).
tools/install-pwsh.sh --pester
pwsh=.tools/pwsh/pwsh
pester=.tools/packages/pester/5.9.1/tools/Pester.psd1

dotnet restore MessagingProvider.sln
dotnet build MessagingProvider.sln -c Release --no-restore -nologo -clp:ErrorsOnly

log=$(mktemp)
status=0
# xunit: Core, the mail and cloud clients, the help builder and the packaging checks (see tests/README.md).
# One project at a time (-m:1): each starts real servers (Postfix, stand-in Exchange processes, HTTPS
# stand-ins), and on 2 cores several at once starve each other into timeouts that are not the code's.
dotnet test MessagingProvider.sln -c Release --no-build -nologo -m:1 "$@" 2>&1 | tee "$log" || status=$?

# Pester: every cmdlet behaviour, in real pwsh, one process per file (tests/Invoke-PesterSuite.ps1).
pester_status=0
if [ $# -eq 0 ]; then
  "$pwsh" -NoProfile -NonInteractive -File tests/Invoke-PesterSuite.ps1 -PesterPath "$pester" 2>&1 | tee -a "$log" || pester_status=$?
  [ $pester_status -eq 0 ] || status=$pester_status
fi

# One closing line in the plain form CI reads: "N passed, N failed, N skipped" (xunit and Pester
# together; Pester's "not run" counts as failed).
awk '/(Passed|Failed)!  - Failed:/ {
       for (i = 1; i <= NF; i++) { gsub(",", "", $(i+1)); if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     /^pester: [0-9]+ passed, [0-9]+ failed, [0-9]+ skipped, [0-9]+ not run/ { p += $2; f += $4 + $8; s += $6 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit $status

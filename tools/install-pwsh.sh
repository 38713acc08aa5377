#!/usr/bin/env bash
# Installs the pinned PowerShell (a .NET tool) and, with --pester, the pinned Pester module into
# .tools/ of the repository (ignored by git, kept between runs). Prints nothing when both are there.
#   .tools/pwsh/pwsh                              PowerShell 7.6.10 (7.7.0 does not install here)
#   .tools/packages/pester/5.9.1/tools/Pester.psd1   Pester 5.9.1 from NuGet
set -euo pipefail
cd "$(dirname "$0")/.."
pwsh_version=7.6.10
pester_version=5.9.1

if ! .tools/pwsh/pwsh -NoProfile -Command '$PSVersionTable.PSVersion.ToString()' 2>/dev/null | grep -qx "$pwsh_version"; then
  rm -rf .tools/pwsh
  echo "Installing PowerShell $pwsh_version into .tools/pwsh"
  dotnet tool install PowerShell --version "$pwsh_version" --tool-path .tools/pwsh >/dev/null
fi

if [ "${1:-}" = "--pester" ] && [ ! -f ".tools/packages/pester/$pester_version/tools/Pester.psd1" ]; then
  echo "Installing Pester $pester_version into .tools/packages"
  # A restore-only project: NuGet brings the package folder, nothing is built.
  dotnet restore tests/PesterPackage/PesterPackage.csproj --packages .tools/packages -nologo >/dev/null
fi

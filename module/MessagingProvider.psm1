# Loads the binary module. Windows PowerShell 5.1 loads the net472 build directly (it has no
# AssemblyLoadContext). PowerShell 7 loads a small shared assembly into the default context,
# which loads the cmdlets and every dependency the module ships into a private context, so that
# other modules' versions of MSAL, MailKit or Google.Apis never clash with ours.
# Only engine cmdlets are used here: the module must import where Microsoft.PowerShell.Utility
# and Microsoft.PowerShell.Management are absent (hosted engines, constrained endpoints).
# Every line here is compiled at each import and PowerShell compiles much of its own code the
# first time a script uses it (member access, loops), so this script does as little as it can:
# variables and string paths ('/' works on Windows too), no loop and no member access on the
# first import.

# Module-qualified, so a proxy function named Import-Module cannot intercept it (and faster than Get-Command).
$importModule = 'Microsoft.PowerShell.Core\Import-Module'

# A re-import (Import-Module -Force, or a new import after Remove-Module) gets the cached inner
# module, whose cmdlets the engine does not export from this script module's scope again
# (PowerShell/PowerShell#20710; jborean93/PSToml does the same): they are exported explicitly.
# A script block's body is compiled only when it runs.
$exportAgain = {
    param($innerModule)
    $addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
        'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
    foreach ($cmdlet in $innerModule.ExportedCmdlets.Values) {
        $null = $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
    }
}

if ($PSEdition -ne 'Core') {
    # Windows PowerShell: exported explicitly every time, as it always was.
    & $exportAgain (& $importModule -Name "$PSScriptRoot/bin/net472/MessagingProvider.dll" -ErrorAction Stop -PassThru)
}
elseif ('MessagingProvider.LoadContext.ModuleLoadContext' -as [type]) {
    & $exportAgain (& $importModule -Assembly ([MessagingProvider.LoadContext.ModuleLoadContext]::Initialize()) -ErrorAction Stop -PassThru)
}
else {
    $null = [System.Reflection.Assembly]::LoadFrom("$PSScriptRoot/bin/net8.0/MessagingProvider.LoadContext.dll")
    & $importModule -Assembly ([MessagingProvider.LoadContext.ModuleLoadContext]::Initialize()) -ErrorAction Stop
}

# Loads the binary module. Windows PowerShell 5.1 loads the net472 build directly (it has no
# AssemblyLoadContext). PowerShell 7 loads a small shared assembly into the default context,
# which loads the cmdlets and every dependency the module ships into a private context, so that
# other modules' versions of MSAL, MailKit or Google.Apis never clash with ours.
# Only engine cmdlets are used here: the module must import where Microsoft.PowerShell.Utility
# and Microsoft.PowerShell.Management are absent (hosted engines, constrained endpoints).

# Module-qualified, so a proxy function named Import-Module cannot intercept it (and faster than Get-Command).
$importModule = 'Microsoft.PowerShell.Core\Import-Module'
$binRoot = [System.IO.Path]::Combine($PSScriptRoot, 'bin')

if ($PSVersionTable.PSEdition -ne 'Core') {
    $innerModule = & $importModule -Name ([System.IO.Path]::Combine($binRoot, 'net472', 'MessagingProvider.dll')) -ErrorAction Stop -PassThru
}
else {
    if (-not ('MessagingProvider.LoadContext.ModuleLoadContext' -as [type])) {
        $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($binRoot, 'net8.0', 'MessagingProvider.LoadContext.dll'))
    }

    $moduleAssembly = [MessagingProvider.LoadContext.ModuleLoadContext]::Initialize()
    $innerModule = & $importModule -Assembly $moduleAssembly -ErrorAction Stop -PassThru
}

# Import-Module -Assembly may hand back a cached module whose cmdlets are not yet exported from
# this script module's scope on a re-import; export them explicitly.
$addExportedCmdlet = [System.Management.Automation.PSModuleInfo].GetMethod(
    'AddExportedCmdlet', [System.Reflection.BindingFlags]'Instance, NonPublic')
foreach ($cmdlet in $innerModule.ExportedCmdlets.Values) {
    $null = $addExportedCmdlet.Invoke($ExecutionContext.SessionState.Module, @(, $cmdlet))
}

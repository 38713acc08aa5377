# Tab completion as the shell asks for it: CommandCompletion.CompleteInput on the command line typed
# so far, in this session with the module imported.

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    $script:Exported = (Import-PowerShellDataFile ([System.IO.Path]::Combine($RepoRoot, 'MessagingProvider.psd1'))).CmdletsToExport
    Import-Module $ModuleManifest -Force

    function Get-Completion([string] $InputScript, [int] $Cursor = $InputScript.Length) {
        # The completion texts offered at $Cursor, in the order offered.
        @([System.Management.Automation.CommandCompletion]::CompleteInput($InputScript, $Cursor, $null).CompletionMatches | ForEach-Object CompletionText)
    }

    function Get-CompletionSet([string] $InputScript, [int] $Cursor = $InputScript.Length) {
        # The texts offered, sorted ordinally (as a set: the order follows server priority, which is random for the first server).
        [string[]] $offered = Get-Completion $InputScript $Cursor
        [System.Array]::Sort($offered, [System.StringComparer]::Ordinal)
        $offered -join ','
    }

    function Get-ModuleCmdlet([string] $Name) { Get-Command -Name $Name -CommandType Cmdlet -Module MessagingProvider }
}

Describe 'Argument completion' {
    BeforeEach {
        Initialize-TestConfiguration
        $credential = New-TestCredential
        $null = New-IdentityStore -Name Contoso, 'Con Two', Fabrikam, Northwind -ErrorVariable err
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $credential -Server exch01.contoso.com, exch02.contoso.com -Force -ErrorVariable +err
        Set-MessagingProvider -IdentityStore Fabrikam -Provider Exchange -Domain fabrikam.com -Credential $credential -Server mail01.fabrikam.com -Force -ErrorVariable +err
        $err | Should -HaveCount 0
    }

    AfterEach { Remove-TestConfiguration }

    It 'completes the stored names for -IdentityStore of every exported cmdlet' {
        $cmdlets = @($Exported | Where-Object { (Get-ModuleCmdlet $_).Parameters.ContainsKey('IdentityStore') })
        $cmdlets | Should -Not -BeNullOrEmpty
        $wrong = foreach ($cmdlet in $cmdlets) {
            $offered = Get-CompletionSet "$cmdlet -IdentityStore Con"
            if ($offered -cne "'Con Two',Contoso") { "$cmdlet -IdentityStore Con<Tab> offered [$offered]" }
        }
        $wrong | Should -BeNullOrEmpty -Because "every -IdentityStore must offer Contoso and 'Con Two'"
    }

    It 'completes -IdentityStore positionally and after an open quote' {
        Get-Completion 'Get-MessagingProvider Fab' | Should -BeExactly @('Fabrikam')
        Get-Completion "Test-EmailAlias -IdentityStore 'nor" | Should -BeExactly @('Northwind')
    }

    It 'completes -Name of the store cmdlets' {
        Get-Completion 'Get-IdentityStore -Name F' | Should -BeExactly @('Fabrikam')
        Get-Completion 'Remove-IdentityStore N' | Should -BeExactly @('Northwind')
    }

    It 'completes -Server with the Exchange servers of the store on the command line' {
        $cmdlets = @($Exported | Where-Object {
                $parameter = (Get-ModuleCmdlet $_).Parameters['Server']
                $parameter -and ($parameter.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })
            })
        $cmdlets | Should -Contain 'Get-ExchangeServer'
        $cmdlets | Should -Contain 'Remove-ExchangeServer'
        $cmdlets | Should -Contain 'Set-ExchangeServerPriority'
        $wrong = foreach ($cmdlet in $cmdlets) {
            foreach ($case in @(
                    @{ Line = "$cmdlet -IdentityStore Contoso -Server "; Expected = 'exch01.contoso.com,exch02.contoso.com' }
                    @{ Line = "$cmdlet -IdentityStore Contoso -Server EXCH02"; Expected = 'exch02.contoso.com' }
                    @{ Line = "$cmdlet -IdentityStore Fabrikam -Server "; Expected = 'mail01.fabrikam.com' }
                    @{ Line = "$cmdlet -Server m -IdentityStore Fabrikam"; Cursor = "$cmdlet -Server m".Length; Expected = 'mail01.fabrikam.com' }
                    @{ Line = "$cmdlet Contoso "; Expected = 'exch01.contoso.com,exch02.contoso.com' }
                )) {
                $cursor = if ($case.Cursor) { $case.Cursor } else { $case.Line.Length }
                $offered = Get-CompletionSet $case.Line $cursor
                if ($offered -cne $case.Expected) { "'$($case.Line)' (cursor $cursor) offered [$offered], expected [$($case.Expected)]" }
            }
        }
        $wrong | Should -BeNullOrEmpty
    }

    It 'offers no server without an Exchange store' {
        # The completer offers nothing, so pwsh falls back to file names; no server may appear.
        $servers = 'exch01.contoso.com', 'exch02.contoso.com', 'mail01.fabrikam.com'
        foreach ($line in 'Get-ExchangeServer -Server ', 'Get-ExchangeServer -IdentityStore Northwind -Server ', 'Get-ExchangeServer -IdentityStore Missing -Server ') {
            Get-Completion $line | Where-Object { $_ -in $servers } | Should -BeNullOrEmpty -Because $line
        }
    }
}

# Mirrors tests/MessagingProvider.Tests/Completion/CompletionTests.cs: tab completion through
# CommandCompletion.CompleteInput, as the shell asks for it. Run with ./build.ps1 -Task Test.

BeforeAll {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $script:ModuleManifest = [System.IO.Path]::Combine($root, 'out', 'MessagingProvider', 'MessagingProvider.psd1')
    $script:Exported = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport
    Import-Module $ModuleManifest -Force

    function Get-Completion([string] $InputScript, [int] $Cursor = $InputScript.Length) {
        @([System.Management.Automation.CommandCompletion]::CompleteInput($InputScript, $Cursor, $null).CompletionMatches.CompletionText)
    }
}

Describe 'Argument completion' {
    BeforeEach {
        $script:ConfigDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-pester-' + [guid]::NewGuid().ToString('N'))
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $ConfigDirectory
        $cred = [pscredential]::new('CONTOSO\svc-mp', [System.Net.NetworkCredential]::new('', 'Exch-P@ss-123').SecurePassword)
        $null = New-IdentityStore -Name Contoso, 'Con Two', Fabrikam, Northwind
        Set-MessagingProvider -IdentityStore Contoso -Provider Exchange -Domain contoso.com -Credential $cred -Server exch01.contoso.com, exch02.contoso.com -Force
        Set-MessagingProvider -IdentityStore Fabrikam -Provider Exchange -Domain fabrikam.com -Credential $cred -Server mail01.fabrikam.com -Force
    }

    AfterEach {
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
        if ([System.IO.Directory]::Exists($ConfigDirectory)) { [System.IO.Directory]::Delete($ConfigDirectory, $true) }
    }

    It 'completes the stored names for -IdentityStore of every exported cmdlet' {
        $cmdlets = $Exported | Where-Object { (Get-Command $_).Parameters.ContainsKey('IdentityStore') }
        $cmdlets | Should -Not -BeNullOrEmpty
        foreach ($cmdlet in $cmdlets) {
            (Get-Completion "$cmdlet -IdentityStore Con" | Sort-Object -CaseSensitive) -join ',' | Should -Be "'Con Two',Contoso" -Because $cmdlet
        }
    }

    It 'completes -IdentityStore positionally and after an open quote' {
        Get-Completion 'Get-MessagingProvider Fab' | Should -Be 'Fabrikam'
        Get-Completion "Test-EmailAlias -IdentityStore 'nor" | Should -Be 'Northwind'
    }

    It 'completes -Name of the store cmdlets' {
        Get-Completion 'Get-IdentityStore -Name F' | Should -Be 'Fabrikam'
        Get-Completion 'Remove-IdentityStore N' | Should -Be 'Northwind'
    }

    It 'completes -Server with the Exchange servers of the store on the command line' {
        $cmdlets = $Exported | Where-Object {
            $p = (Get-Command $_).Parameters['Server']
            $p -and ($p.Attributes | Where-Object { $_ -is [System.Management.Automation.ArgumentCompleterAttribute] })
        }
        $cmdlets | Should -Contain 'Get-ExchangeServer'
        $cmdlets | Should -Contain 'Remove-ExchangeServer'
        $cmdlets | Should -Contain 'Set-ExchangeServerPriority'
        foreach ($cmdlet in $cmdlets) {
            (Get-Completion "$cmdlet -IdentityStore Contoso -Server " | Sort-Object) -join ',' | Should -Be 'exch01.contoso.com,exch02.contoso.com' -Because $cmdlet
            Get-Completion "$cmdlet -IdentityStore Contoso -Server EXCH02" | Should -Be 'exch02.contoso.com' -Because $cmdlet
            Get-Completion "$cmdlet -IdentityStore Fabrikam -Server " | Should -Be 'mail01.fabrikam.com' -Because $cmdlet
            Get-Completion "$cmdlet -Server m -IdentityStore Fabrikam" "$cmdlet -Server m".Length | Should -Be 'mail01.fabrikam.com' -Because $cmdlet
            (Get-Completion "$cmdlet Contoso " | Sort-Object) -join ',' | Should -Be 'exch01.contoso.com,exch02.contoso.com' -Because $cmdlet
        }
    }

    It 'offers no server without an Exchange store' {
        $servers = 'exch01.contoso.com', 'exch02.contoso.com', 'mail01.fabrikam.com'
        foreach ($line in 'Get-ExchangeServer -Server ', 'Get-ExchangeServer -IdentityStore Northwind -Server ', 'Get-ExchangeServer -IdentityStore Missing -Server ') {
            Get-Completion $line | Where-Object { $_ -in $servers } | Should -BeNullOrEmpty -Because $line
        }
    }
}

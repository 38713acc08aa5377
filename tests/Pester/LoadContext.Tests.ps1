# The module beside another module that ships a different Microsoft.Identity.Client (4.61.3) and
# Microsoft.IdentityModel.Abstractions (6.35), as Az.Accounts, Microsoft.Graph.Authentication and
# ExchangeOnlineManagement do, in both load orders. Each case is a fresh pwsh process; both sign in
# for real against the HTTPS Entra ID stand-in (tests/MessagingProvider.OtherModule is the other module).
BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    $script:OtherModule = [System.IO.Path]::Combine($RepoRoot, 'tests', 'MessagingProvider.OtherModule', 'bin', 'Release', 'net8.0', 'MessagingProvider.OtherModule.dll')
    if (-not [System.IO.File]::Exists($OtherModule)) { throw "The other module is not built: $OtherModule (dotnet build tests/MessagingProvider.OtherModule -c Release)." }
    $script:Trust = [MessagingProvider.TestSupport.TestTls]::TrustForCurrentUser()
    $script:Entra = [MessagingProvider.TestSupport.EntraStandIn]::StartAsync().GetAwaiter().GetResult()
    $script:Exchange = [MessagingProvider.TestSupport.ExchangeOnlineStandIn]::StartAsync($Entra).GetAwaiter().GetResult()
    $script:AppId = '6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10'

    function ConvertTo-Literal([string] $Text) { "'" + $Text.Replace("'", "''") + "'" }

    # Runs $Script in a new pwsh process with an empty configuration directory; $Session holds what
    # the steps take (@Session). Returns the output lines; fails unless the process ends within
    # 55 s (the suite runner ends a file silent for 60 s) with exit code 0 and without any error record.
    function Invoke-Session([string] $Script) {
        $values = $ModuleManifest, $OtherModule, "$($Entra.AuthorityHost)", $Entra.Tenant, $AppId, $Entra.ClientSecret, "$($Exchange.Endpoint)"
        $text = "`$ErrorView = 'NormalView'`n`$Session = @(" + (($values | ForEach-Object { ConvertTo-Literal $_ }) -join ', ') + ")`n" + $Script +
            "`nif (`$Error.Count) { `$Error | ForEach-Object { [Console]::Error.WriteLine(`"error: `$(`$_.FullyQualifiedErrorId): `$_`") }; exit 1 }"
        $configDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-alc-' + [guid]::NewGuid().ToString('N'))
        # This pwsh again: a .NET tool install runs as "dotnet <PSHOME>/pwsh.dll".
        $pwsh = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $start = [System.Diagnostics.ProcessStartInfo]::new($pwsh)
        if ([System.IO.Path]::GetFileNameWithoutExtension($pwsh) -eq 'dotnet') { $start.ArgumentList.Add([System.IO.Path]::Combine($PSHOME, 'pwsh.dll')) }
        foreach ($argument in '-NoProfile', '-NonInteractive', '-EncodedCommand', [Convert]::ToBase64String([System.Text.Encoding]::Unicode.GetBytes($text))) {
            $start.ArgumentList.Add($argument)
        }
        $start.RedirectStandardOutput = $true
        $start.RedirectStandardError = $true
        $start.UseShellExecute = $false
        $start.Environment['MESSAGINGPROVIDER_CONFIG_PATH'] = $configDirectory
        try {
            $process = [System.Diagnostics.Process]::Start($start)
            $errorText = $process.StandardError.ReadToEndAsync()
            $outputText = $process.StandardOutput.ReadToEndAsync()
            if (-not $process.WaitForExit(55000)) {
                $process.Kill($true)
                throw 'The PowerShell session did not finish within 55 s.'
            }
            $process.WaitForExit()
            $output = $outputText.GetAwaiter().GetResult()
            $process.ExitCode | Should -Be 0 -Because "the session must succeed:`n$output`n$($errorText.GetAwaiter().GetResult())"
            $output -split "`n" | ForEach-Object Trim | Where-Object { $_ }
        }
        finally {
            if ([System.IO.Directory]::Exists($configDirectory)) { [System.IO.Directory]::Delete($configDirectory, $true) }
        }
    }

    $script:OtherSignsIn = @'
& {
    param($Manifest, $Other, $Authority, $Tenant, $AppId, $Secret, $Endpoint)
    $null = [System.Reflection.Assembly]::LoadFrom($Other)
    if ([OtherVendor.Authentication.OtherModuleClient]::AcquireToken($Authority, $Tenant, $AppId, $Secret, 'https://outlook.office365.com/.default')) { 'other-token=ok' }
} @Session
'@
    $script:ImportModule = 'Import-Module $Session[0] -ErrorAction Stop'
    # Followed by the store's name.
    $script:ModuleSignsIn = @'
& {
    param($Manifest, $Other, $Authority, $Tenant, $AppId, $Secret, $Endpoint, $Store)
    $null = New-IdentityStore -Name $Store
    Set-MessagingProvider -IdentityStore $Store -Provider Office365 -Domain contoso.com -Organization $Tenant -ApplicationId $AppId `
        -ClientSecret ([System.Net.NetworkCredential]::new('', $Secret).SecurePassword) -AuthorityHost $Authority -ExchangeOnlineEndpoint $Endpoint
    'module=' + (Test-MessagingProviderConnection -IdentityStore $Store).Status
} @Session
'@
    $script:ListAssemblies = @'
foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -in 'Microsoft.Identity.Client', 'Microsoft.IdentityModel.Abstractions') {
        'loaded={0}|{1}|{2}' -f $name.Name, $name.Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
    }
}
'@

    $script:OtherOpensSqlite = @'
& {
    param($Manifest, $Other)
    $null = [System.Reflection.Assembly]::LoadFrom($Other)
    'other-sqlite=' + [OtherVendor.Authentication.OtherModuleDatabase]::SqliteVersion([System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-other-' + [guid]::NewGuid().ToString('N') + '.db'))
} @Session
'@
    # A notification to a closed port: rendered, committed to the outbox, deferred; then read back.
    $script:ModuleQueues = @'
& {
    $null = New-IdentityStore -Name Outbox
    $null = Set-SmtpServer -IdentityStore Outbox -Server 127.0.0.1 -Port 9 -From notify@contoso.com -Security None -Authentication Anonymous
    $null = Send-Notification -IdentityStore Outbox -Event ObjectModified -InputObject Sales -To helpdesk@contoso.com -MaxAttempts 1 -RetryDelay 00:00:00.01 -ErrorAction Ignore
    'module-queued=' + @(Get-QueuedNotification -IdentityStore Outbox -State Deferred).Count
}
'@
    $script:ListSqlite = @'
foreach ($assembly in [System.AppDomain]::CurrentDomain.GetAssemblies()) {
    $name = $assembly.GetName()
    if ($name.Name -in 'Microsoft.Data.Sqlite', 'SQLitePCLRaw.core') {
        'loaded={0}|{1}|{2}' -f $name.Name, $name.Version, [System.Runtime.Loader.AssemblyLoadContext]::GetLoadContext($assembly).Name
    }
}
if ($IsLinux) { Get-Content "/proc/$PID/maps" | Where-Object { $_ -like '*libe_sqlite3.*' } | ForEach-Object { 'native=' + ($_ -split '\s+')[-1] } | Sort-Object -Unique }
'@

    function Assert-TwoSqlites([string[]] $Lines) {
        $Lines | Should -Contain 'module-queued=1'
        @($Lines -like 'other-sqlite=3.*') | Should -HaveCount 1
        @($Lines -like 'loaded=Microsoft.Data.Sqlite|8.*|Default') | Should -HaveCount 1
        @($Lines -like 'loaded=Microsoft.Data.Sqlite|10.*|MessagingProvider') | Should -HaveCount 1
        @($Lines -like 'loaded=SQLitePCLRaw.core|2.*|Default') | Should -HaveCount 1
        @($Lines -like 'loaded=SQLitePCLRaw.core|3.*|MessagingProvider') | Should -HaveCount 1
        if ($IsLinux) {
            # Each native library from its own module's folder.
            $native = @($Lines -like 'native=*')
            $native | Should -HaveCount 2
            @($native -like '*out/MessagingProvider/bin/runtimes/linux-*/native/libe_sqlite3.so') | Should -HaveCount 1
            @($native -like '*MessagingProvider.OtherModule/bin/Release/net8.0/runtimes/linux-*/native/libe_sqlite3.so') | Should -HaveCount 1
        }
    }

    function Assert-TwoCopiesInTwoContexts([string[]] $Lines) {
        $msal = @($Lines -like 'loaded=Microsoft.Identity.Client|*')
        $msal | Should -HaveCount 2
        @($msal -like 'loaded=Microsoft.Identity.Client|4.61.3*|Default') | Should -HaveCount 1
        @($msal -like 'loaded=Microsoft.Identity.Client|4.92*|MessagingProvider') | Should -HaveCount 1
        $abstractions = @($Lines -like 'loaded=Microsoft.IdentityModel.Abstractions|*')
        $abstractions | Should -HaveCount 2
        @($abstractions -like 'loaded=Microsoft.IdentityModel.Abstractions|6.35*|Default') | Should -HaveCount 1
        @($abstractions -like '*|MessagingProvider') | Should -HaveCount 1
    }
}

AfterAll {
    if ($Exchange) { $Exchange.DisposeAsync().AsTask().GetAwaiter().GetResult() }
    if ($Entra) { $Entra.DisposeAsync().AsTask().GetAwaiter().GetResult() }
    if ($Trust) { $Trust.Dispose() }
}

Describe 'Dependency isolation on PowerShell 7' -Tag StandIns {
    It 'signs in after another module loaded its own MSAL first' {
        $lines = Invoke-Session ($OtherSignsIn, $ImportModule, "$ModuleSignsIn Cloud", $ListAssemblies -join "`n")
        $lines | Should -Contain 'other-token=ok'
        $lines | Should -Contain 'module=Online'
        Assert-TwoCopiesInTwoContexts $lines
    }

    It 'keeps working when another module loads its MSAL afterwards, and so does the other module' {
        $lines = Invoke-Session ($ImportModule, "$ModuleSignsIn Cloud", $OtherSignsIn,
            "$ModuleSignsIn Cloud2", $ListAssemblies -join "`n")
        @($lines -ceq 'module=Online') | Should -HaveCount 2
        $lines | Should -Contain 'other-token=ok'
        Assert-TwoCopiesInTwoContexts $lines
    }
}

Describe 'The outbox database beside another module''s SQLite on PowerShell 7' -Tag StandIns {
    It 'queues notifications after another module loaded its own SQLite first' {
        $lines = Invoke-Session ($OtherOpensSqlite, $ImportModule, $ModuleQueues, $ListSqlite -join "`n")
        Assert-TwoSqlites $lines
    }

    It 'keeps working when another module loads its SQLite afterwards, and so does the other module' {
        $lines = Invoke-Session ($ImportModule, $ModuleQueues, $OtherOpensSqlite, $ListSqlite -join "`n")
        Assert-TwoSqlites $lines
    }
}

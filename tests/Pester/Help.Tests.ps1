# Mirrors tests/MessagingProvider.Tests/Help (HelpContentTests, HelpExampleTests): the same cases
# for every cmdlet in the manifest's CmdletsToExport, and every example in docs/en-US.
# Run with ./build.ps1 -Task Test (Pester 5).

BeforeDiscovery {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $docs = [System.IO.Path]::Combine($root, 'docs', 'en-US')
    $cmdlets = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport

    # One entry per '### Example' of every cmdlet file, parsed as the build's HelpBuilder does.
    $examples = foreach ($file in Get-ChildItem -Path $docs -Filter *.md | Where-Object Name -NotLike 'about_*') {
        $text = [System.IO.File]::ReadAllText($file.FullName) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## EXAMPLES\s*$(.*?)^## PARAMETERS').Groups[1].Value
        foreach ($chunk in [regex]::Split($section, '(?m)^### ') | Select-Object -Skip 1) {
            $code = ([regex]::Matches($chunk, '(?ms)^```[^\n]*\n(.*?)^```') | ForEach-Object { $_.Groups[1].Value.TrimEnd("`n") }) -join "`n`n"
            $lines = $code -split "`n"
            $prompted = $lines -match '^PS [^>]*> ?'
            $runnable = if ($prompted) {
                foreach ($line in $lines) {
                    if ($line -match '^PS [^>]*> ?') { $line -replace '^PS [^>]*> ?', '' }
                    elseif ($line.StartsWith('>> ')) { $line.Substring(3) }
                }
            } else { $lines }
            @{
                File  = $file.Name
                Title = ($chunk -split "`n")[0].Trim()
                Setup = @([regex]::Matches($chunk, '(?s)<!--\s*setup:(.*?)-->') | ForEach-Object { $_.Groups[1].Value.Trim() })
                Requires = @([regex]::Matches($chunk, '(?s)<!--\s*requires:(.*?)-->') | ForEach-Object { $_.Groups[1].Value -split '[,\s]+' } | Where-Object { $_ })
                Code  = $runnable -join "`n"
            }
        }
    }
}

BeforeAll {
    $script:Root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $script:ModuleManifest = [System.IO.Path]::Combine($Root, 'out', 'MessagingProvider', 'MessagingProvider.psd1')
    $script:Docs = [System.IO.Path]::Combine($Root, 'docs', 'en-US')
    Import-Module $ModuleManifest -Force

    # <!-- requires: mailserver --> examples share one real Postfix + Dovecot, started on first use.
    . ([System.IO.Path]::Combine($PSScriptRoot, 'SmtpCommon.ps1'))
    # <!-- requires: cloud --> examples start the Entra ID, Exchange Online and Graph stand-ins for themselves.
    . ([System.IO.Path]::Combine($PSScriptRoot, 'CloudStandIns.common.ps1'))
    # <!-- requires: exchange --> examples: stand-in Exchange servers ExchA and ExchB and their shared
    # directory, the StandInDirectory of the hosted-engine tests (tests/Shared/StandInServer.cs).
    . ([System.IO.Path]::Combine($PSScriptRoot, 'ExchangeLab.common.ps1'))
    $null = [System.Reflection.Assembly]::LoadFrom([System.IO.Path]::Combine($PSScriptRoot, '..', 'MessagingProvider.Tests', 'bin', 'Release', 'net10.0', 'MessagingProvider.Tests.dll'))
    $script:ExampleMailServer = $null
    function Get-ExampleMailServerVariable {
        if (-not $script:ExampleMailServer) { $script:ExampleMailServer = Start-TestMailServer }
        $server = $script:ExampleMailServer
        @{
            Server                = $server.Host
            Port                  = $server.StartTlsPort
            SslPort               = $server.ImplicitTlsPort
            From                  = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
            Credential            = New-TestCredential ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) $server.SenderPassword
            CertificateThumbprint = $server.Certificate.Thumbprint
            PlainPort             = $server.PlainPort
            ImapPort              = $server.ImapPort
            MailboxPassword       = ConvertTo-SecureString ([MessagingProvider.TestSupport.MailServerFixture]::MailboxPassword) -AsPlainText -Force
        }
    }

    function Get-DocSection([string] $Cmdlet, [string] $Section) {
        $path = [System.IO.Path]::Combine($Docs, "$Cmdlet.md")
        [System.IO.File]::Exists($path) | Should -BeTrue -Because "$Cmdlet is exported: write docs/en-US/$Cmdlet.md"
        $text = [System.IO.File]::ReadAllText($path) -replace "`r`n", "`n"
        [regex]::Match($text, "(?ms)^## $Section\s*$\n(.*?)(?=^## |\z)").Groups[1].Value
    }

    function Get-RealParameter([string] $Cmdlet) {
        (Get-Command -Name $Cmdlet).Parameters.Values |
            Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters }
    }
}

Describe 'Help of <_>' -ForEach $cmdlets {
    BeforeAll {
        $script:Cmdlet = $_
        $script:Help = Get-Help -Name $_ -Full
    }

    It 'has the synopsis from its markdown' {
        $synopsis = ((Get-DocSection $Cmdlet 'SYNOPSIS') -split "`n" | ForEach-Object Trim | Where-Object { $_ }) -join ' '
        $Help.Synopsis.Trim() | Should -Be $synopsis
    }

    It 'describes every parameter the cmdlet has, and no other' {
        $null = Get-DocSection $Cmdlet 'PARAMETERS'
        $described = @{}
        foreach ($p in $Help.parameters.parameter) { $described[$p.name] = ($p.description | ForEach-Object Text) -join ' ' }
        foreach ($p in Get-RealParameter $Cmdlet) {
            $described[$p.Name] | Should -Not -BeNullOrEmpty -Because "-$($p.Name) of $Cmdlet needs '### -$($p.Name)' in its markdown"
        }
        $described.Keys | Where-Object { $_ -notin (Get-RealParameter $Cmdlet).Name } | Should -BeNullOrEmpty -Because 'documented parameters must exist'
    }

    It 'has the examples of its markdown' {
        $null = Get-DocSection $Cmdlet 'EXAMPLES'
        @($Help.examples.example).Count | Should -BeGreaterThan 0
        foreach ($example in $Help.examples.example) { $example.code | Should -Match ([regex]::Escape($Cmdlet)) }
    }

    It 'has yaml blocks that agree with the cmdlet' {
        $section = Get-DocSection $Cmdlet 'PARAMETERS'
        $command = Get-Command -Name $Cmdlet
        $docSets = [regex]::Matches((Get-DocSection $Cmdlet 'SYNTAX'), '(?m)^### (\S+)') | ForEach-Object { $_.Groups[1].Value }
        ($docSets | Sort-Object) -join ',' | Should -Be (($command.ParameterSets.Name | Sort-Object) -join ',')
        foreach ($block in [regex]::Matches($section, '(?ms)^### -(\w+)\s*$(.*?)(?=^### |\z)')) {
            $name = $block.Groups[1].Value
            $metadata = $command.Parameters[$name]
            foreach ($yaml in [regex]::Matches($block.Groups[2].Value, '(?ms)^```yaml\s*$(.*?)^```')) {
                $values = @{}
                foreach ($line in $yaml.Groups[1].Value -split "`n" | Where-Object { $_ -match ':' }) {
                    $key, $value = $line -split ':', 2
                    $values[$key.Trim()] = $value.Trim()
                }
                # platyPS writes a Nullable[T] parameter as T.
                $parameterType = [System.Nullable]::GetUnderlyingType($metadata.ParameterType) ?? $metadata.ParameterType
                $type = if ($metadata.SwitchParameter) { 'SwitchParameter' } else { $parameterType.Name }
                ($values['Type'] -split '\.')[-1] | Should -Be $type -Because "-$name's type"
                $sets = $values['Parameter Sets'] -split ',' | ForEach-Object Trim
                foreach ($set in $metadata.ParameterSets.GetEnumerator()) {
                    if ($sets -notcontains '(All)' -and $sets -notcontains $set.Key -and $set.Key -ne '__AllParameterSets') { continue }
                    [bool]::Parse($values['Required']) | Should -Be $set.Value.IsMandatory -Because "-$name ($($set.Key)) Required"
                    $position = if ($set.Value.Position -eq [int]::MinValue) { 'Named' } else { [string]$set.Value.Position }
                    $values['Position'] | Should -Be $position -Because "-$name ($($set.Key)) Position"
                    $values['Accept pipeline input'].Contains('ByValue') | Should -Be $set.Value.ValueFromPipeline -Because "-$name ByValue"
                    $values['Accept pipeline input'].Contains('ByPropertyName') | Should -Be $set.Value.ValueFromPipelineByPropertyName -Because "-$name ByPropertyName"
                }
            }
        }
    }
}

AfterAll {
    if ($script:ExampleMailServer) { $script:ExampleMailServer.Dispose() }
}

Describe 'docs/en-US' {
    It 'documents only exported cmdlets' {
        $exported = (Import-PowerShellDataFile ([System.IO.Path]::Combine($Root, 'MessagingProvider.psd1'))).CmdletsToExport
        Get-ChildItem -Path $Docs -Filter *.md | Where-Object Name -NotLike 'about_*' |
            Where-Object { $_.BaseName -cnotin $exported } | Should -BeNullOrEmpty
    }
}

Describe 'about_MessagingProvider' {
    It 'explains configuration, secrets and priority' {
        $about = (Get-Help -Name about_MessagingProvider) -join "`n"
        foreach ($concept in 'identity store', 'MESSAGINGPROVIDER_CONFIG_PATH', 'DPAPI', 'AES-256-GCM', 'secret.key', '0600', 'priority', 'Windows PowerShell 5.1') {
            $about | Should -BeLike "*$concept*"
        }
    }
}

Describe 'about_MessagingProvider example' {
    BeforeEach {
        $script:ConfigDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-pester-' + [guid]::NewGuid().ToString('N'))
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $ConfigDirectory
    }

    AfterEach {
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
        if ([System.IO.Directory]::Exists($ConfigDirectory)) { [System.IO.Directory]::Delete($ConfigDirectory, $true) }
    }

    It 'runs and succeeds' {
        $about = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($Docs, 'about_MessagingProvider.md')) -replace "`r`n", "`n"
        $examples = [regex]::Match($about, '(?ms)^# EXAMPLES\s*$(.*?)(?=^# )').Groups[1].Value
        $code = [regex]::Match($examples, '(?ms)^```powershell\s*$(.*?)^```').Groups[1].Value
        $code | Should -BeLike '*New-IdentityStore*'
        $results = & ([scriptblock]::Create($code)) -ErrorVariable err
        $err | Should -BeNullOrEmpty
        ($results | Where-Object { $_.PSObject.TypeNames[0] -like '*EmailAliasTestResult' }).IsValid | Should -Be @($true, $false)
    }
}

Describe 'Example <Title> of <File>' -ForEach $examples {
    BeforeEach {
        $script:ConfigDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-pester-' + [guid]::NewGuid().ToString('N'))
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $ConfigDirectory
        $script:WorkingDirectory = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-work").FullName
    }

    AfterEach {
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
        foreach ($path in $ConfigDirectory, $WorkingDirectory) {
            if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
        }
    }

    It 'runs and succeeds after its set-up' {
        # A fresh runspace per example, as the hosted-engine test uses a fresh session.
        $ps = [powershell]::Create()
        try {
            $Requires | Where-Object { $_ -notin 'mailserver', 'cloud', 'exchange' } | Should -BeNullOrEmpty -Because "the tests provide only 'mailserver', 'cloud' and 'exchange' (docs/README.md)"
            if ($Requires -contains 'mailserver') {
                $null = $ps.AddScript('$MailServer = [pscustomobject]$args[0]').AddArgument((Get-ExampleMailServerVariable)).Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
            }
            if ($Requires -contains 'exchange') {
                $directory = [MessagingProvider.TestSupport.StandInDirectory]::new('contoso.com')
                $script:StandInState = $directory.Path
                $script:StandIns = @{}
                $script:Reconnected = @{}
                $null = Start-StandInServer ExchA
                $null = Start-StandInServer ExchB
                Set-StandInRouting
                $ps.Commands.Clear()
                $null = $ps.AddScript('$ExchangeLab = $args[0]').AddArgument($directory).Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
            }
            if ($Requires -contains 'cloud') {
                Start-CloudStandIn
                # The person at the device-code page signs in as the docs' mailbox as soon as a code is
                # shown; with the mail server its delegated tokens are ones Dovecot accepts (CloudStandIns.cs).
                $Entra.AutoApproveDeviceLoginAs = 'anna.lee@contoso.com'  # MailServerFixture.ExampleMailbox
                if ($Requires -contains 'mailserver') { $Entra.DelegatedTokenSigningKey = $script:ExampleMailServer.SigningKey }
                $cloud = @{
                    Tenant                 = $Entra.Tenant
                    TenantId               = $Entra.TenantId
                    ClientId               = $Entra.ClientId
                    Mailbox                = $Entra.AutoApproveDeviceLoginAs
                    ClientSecret           = ConvertTo-SecureString $Entra.ClientSecret -AsPlainText -Force
                    AuthorityHost          = $Entra.AuthorityHost.ToString()
                    ExchangeOnlineEndpoint = $ExchangeOnline.Endpoint.ToString()
                    GraphEndpoint          = $Graph.Endpoint.ToString()
                }
                $ps.Commands.Clear()
                $null = $ps.AddScript('$Cloud = [pscustomobject]$args[0]').AddArgument($cloud).Invoke()
                $ps.Streams.Error | Should -BeNullOrEmpty
            }
            $prelude = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($Root, 'tests', 'MessagingProvider.Tests', 'Help', 'ExamplePrelude.ps1'))
            $script = "Import-Module '$ModuleManifest' -ErrorAction Stop`nSet-Location -LiteralPath '$WorkingDirectory'`n$prelude"
            foreach ($step in @($script) + $Setup + $Code) {
                $ps.Commands.Clear()
                $ps.Streams.ClearStreams()
                $null = $ps.AddScript($step).Invoke()
                $ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $_" } | Should -BeNullOrEmpty -Because "'$step' must succeed"
            }
        }
        finally {
            $ps.Dispose()
            if ($Requires -contains 'cloud') { Stop-CloudStandIn }
            if ($Requires -contains 'exchange') { Remove-ExchangeLab }
        }
    }
}

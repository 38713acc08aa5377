# Get-Help as an administrator calls it, for every cmdlet in the manifest's CmdletsToExport (a cmdlet
# or parameter without docs fails here, naming what to write), the built help files, and every
# example in docs/en-US, each run in a fresh runspace with an empty configuration directory.

BeforeDiscovery {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $docs = [System.IO.Path]::Combine($root, 'docs', 'en-US')

    # The runnable code of an example, as tools/MessagingProvider.HelpBuilder's RunnableCode: the lines
    # after "PS C:\> " prompts (and ">> " continuations), or the whole block when it shows no prompt.
    function ConvertTo-RunnableCode([string] $Code) {
        $lines = $Code -split "`n"
        if (-not ($lines -match '^PS [^>]*> ?')) { return $lines -join "`n" }
        $runnable = foreach ($line in $lines) {
            if ($line -match '^PS [^>]*> ?') { $line.Substring($Matches[0].Length) }
            elseif ($line.StartsWith('>> ', [System.StringComparison]::Ordinal)) { $line.Substring(3) }
        }
        $runnable -join "`n"
    }

    # The examples of one cmdlet file, read as the build's CommandMarkdownParser reads them: the title
    # of each '### ...' under '## EXAMPLES', its code blocks joined by an empty line, and the
    # <!-- setup: --> and <!-- requires: --> comments outside the code blocks.
    function Read-MarkdownExample([string] $Path) {
        $text = [System.IO.File]::ReadAllText($Path) -replace "`r`n", "`n"
        $section = [regex]::Match($text, '(?ms)^## EXAMPLES[ \t]*$(.*?)^## PARAMETERS').Groups[1].Value
        $index = 0
        foreach ($chunk in [regex]::Split($section, '(?m)^### ') | Select-Object -Skip 1) {
            $fence = '(?ms)^```[^\n]*\n(.*?)^```[ \t]*$'
            $code = @([regex]::Matches($chunk, $fence) | ForEach-Object { $_.Groups[1].Value.TrimEnd("`n") }) -join "`n`n"
            $comments = [regex]::Replace($chunk, $fence, '')
            @{
                File     = [System.IO.Path]::GetFileName($Path)
                Index    = $index++
                Title    = ($chunk -split "`n")[0].Trim().TrimStart('#').TrimEnd('#').Trim()
                Setup    = @([regex]::Matches($comments, '(?ms)^[ \t]*<!--\s*setup:(.*?)-->[ \t]*$') | ForEach-Object { $_.Groups[1].Value.Trim() })
                Requires = @([regex]::Matches($comments, '(?ms)^[ \t]*<!--\s*requires:(.*?)-->[ \t]*$') | ForEach-Object { $_.Groups[1].Value -split '[, ]+' } | Where-Object { $_ })
                Code     = $code
                Runnable = ConvertTo-RunnableCode $code
            }
        }
    }

    $commandFiles = [System.IO.Directory]::GetFiles($docs, '*.md') |
        Where-Object { -not [System.IO.Path]::GetFileName($_).StartsWith('about_', [System.StringComparison]::OrdinalIgnoreCase) } |
        Sort-Object
    $examples = foreach ($file in $commandFiles) { Read-MarkdownExample $file }

    $cmdlets = foreach ($name in (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport) {
        $path = [System.IO.Path]::Combine($docs, "$name.md")
        @{ Name = $name; Examples = @(if ([System.IO.File]::Exists($path)) { Read-MarkdownExample $path }) }
    }
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    $script:Docs = [System.IO.Path]::Combine($RepoRoot, 'docs', 'en-US')
    $script:ExamplePrelude = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($PSScriptRoot, 'ExamplePrelude.ps1'))
    Import-Module $ModuleManifest -Force
    $script:ExportedCmdlets = (Import-PowerShellDataFile ([System.IO.Path]::Combine($RepoRoot, 'MessagingProvider.psd1'))).CmdletsToExport

    function Get-DocSection([string] $Cmdlet, [string] $Section) {
        $path = [System.IO.Path]::Combine($Docs, "$Cmdlet.md")
        [System.IO.File]::Exists($path) | Should -BeTrue -Because "$Cmdlet is exported but has no help: write docs/en-US/$Cmdlet.md (platyPS schema 2.0.0; see docs/README.md)"
        $text = [System.IO.File]::ReadAllText($path) -replace "`r`n", "`n"
        [regex]::Match($text, "(?ms)^## $Section[ \t]*\n(.*?)(?=^## |\z)").Groups[1].Value
    }

    # Lines trimmed, empty ones dropped, joined by spaces (the HelpBuilder's MarkdownText.JoinLines).
    function Join-TextLine([string] $Text) {
        @($Text -split "`r?`n" | ForEach-Object Trim | Where-Object { $_ }) -join ' '
    }

    # Get-Command's parameters without the common ones (-WhatIf and -Confirm are documented like any other).
    function Get-RealParameter([string] $Cmdlet) {
        (Get-Command -Name $Cmdlet -CommandType Cmdlet).Parameters.Values |
            Where-Object { $_.Name -notin [System.Management.Automation.Cmdlet]::CommonParameters }
    }

    # <!-- requires: mailserver --> examples share one real Postfix + Dovecot, started on first use.
    $script:ExampleMailServer = $null
    function Get-ExampleMailServer {
        if (-not $script:ExampleMailServer) { $script:ExampleMailServer = [MessagingProvider.TestSupport.MailServerFixture]::new() }
        $script:ExampleMailServer
    }

    # What an administrator knows about the mail server: its SMTP endpoints (STARTTLS, implicit TLS,
    # unencrypted), the SMTP account, the pinned certificate, the IMAP port (unencrypted) and the
    # password of the mailbox anna.lee@contoso.com.
    function Get-ExampleMailServerVariable($Server) {
        @{
            Server                = $Server.Host
            Port                  = $Server.StartTlsPort
            SslPort               = $Server.ImplicitTlsPort
            PlainPort             = $Server.PlainPort
            From                  = [MessagingProvider.TestSupport.MailServerFixture]::SenderUser
            Credential            = New-TestCredential ([MessagingProvider.TestSupport.MailServerFixture]::SenderUser) $Server.SenderPassword
            CertificateThumbprint = $Server.Certificate.Thumbprint
            ImapPort              = $Server.ImapPort
            MailboxPassword       = ConvertTo-TestSecureString ([MessagingProvider.TestSupport.MailServerFixture]::MailboxPassword)
        }
    }

    # Runs each step in $Runspace, one after the other, bounded; every step must finish without an error.
    function Invoke-ExampleStep([runspace] $Runspace, [string[]] $Step, [string] $Name) {
        $output = foreach ($text in $Step) {
            $ps = [powershell]::Create()
            try {
                $ps.Runspace = $Runspace
                $null = $ps.AddScript($text)
                $handle = $ps.BeginInvoke()
                if (-not $handle.AsyncWaitHandle.WaitOne([timespan]::FromSeconds(50))) {
                    $ps.Stop()
                    throw "$Name did not finish within 50 s in:`n$text"
                }
                $failure = $null
                try { $ps.EndInvoke($handle) } catch { $failure = if ($_.Exception.InnerException) { $_.Exception.InnerException } else { $_.Exception } }
                $errors = @($ps.Streams.Error | ForEach-Object { "$($_.FullyQualifiedErrorId): $($_.Exception.Message)" })
                if ($failure) { $errors += "terminating: $($failure.Message)" }
                $errors -join "`n" | Should -BeNullOrEmpty -Because "$Name must succeed:`n$text`n"
            }
            finally {
                $ps.Dispose()
            }
        }
        $output
    }

    # A fresh runspace with the built module imported, its location set to $WorkingDirectory and the
    # given variables set ($MailServer, $Cloud, $ExchangeLab), as an example's session.
    function New-ExampleRunspace([string] $WorkingDirectory, [hashtable] $Variable = @{}) {
        $runspace = [runspacefactory]::CreateRunspace()
        $runspace.Open()
        foreach ($name in $Variable.Keys) { $runspace.SessionStateProxy.SetVariable($name, $Variable[$name]) }
        $null = Invoke-ExampleStep $runspace ("Import-Module -Name '$($ModuleManifest.Replace("'", "''"))' -ErrorAction Stop",
            "Set-Location -LiteralPath '$($WorkingDirectory.Replace("'", "''"))'") 'The session set-up'
        $runspace
    }
}

AfterAll {
    if ($script:ExampleMailServer) { $script:ExampleMailServer.Dispose() }
}

Describe 'Help of <Name>' -ForEach $cmdlets {
    BeforeAll {
        $script:Cmdlet = $Name
        $script:Help = Get-Help -Name $Name -Full
    }

    It 'has the synopsis from its markdown' {
        # Without MAML, Get-Help makes up a synopsis from the syntax: comparing with the docs proves the MAML was found.
        Join-TextLine $Help.Synopsis | Should -BeExactly (Join-TextLine (Get-DocSection $Cmdlet 'SYNOPSIS'))
    }

    It 'describes every parameter the cmdlet has, and no other' {
        $null = Get-DocSection $Cmdlet 'PARAMETERS'
        $real = @(Get-RealParameter $Cmdlet)
        $real | Should -Not -BeNullOrEmpty
        $described = @{}
        foreach ($p in $Help.parameters.parameter) { $described[$p.name] = (($p.description | ForEach-Object Text) -join ' ').Trim() }
        foreach ($p in $real) {
            $described[$p.Name] | Should -Not -BeNullOrEmpty -Because "-$($p.Name) of $Cmdlet needs a description: add '### -$($p.Name)' to docs/en-US/$Cmdlet.md"
        }
        @($described.Keys | Where-Object { $_ -notin $real.Name }) | Should -BeNullOrEmpty -Because "the help of $Cmdlet must document only parameters the cmdlet has"
    }

    It 'has the examples of its markdown' {
        $null = Get-DocSection $Cmdlet 'EXAMPLES'
        $codes = @($Help.examples.example | ForEach-Object { $_.code })
        $codes | Should -Not -BeNullOrEmpty
        $codes.Count | Should -Be $Examples.Count
        for ($i = 0; $i -lt $codes.Count; $i++) {
            $codes[$i] | Should -BeExactly $Examples[$i].Code -Because "example $($i + 1) of Get-Help must be the code of the markdown"
            $Examples[$i].Runnable | Should -Match ([regex]::Escape($Cmdlet)) -Because "example $($i + 1) must call $Cmdlet"
        }
    }

    It 'has yaml blocks that agree with the cmdlet' {
        # The yaml blocks must tell the truth: type, parameter sets, mandatory, position and pipeline input as the cmdlet declares them.
        $section = Get-DocSection $Cmdlet 'PARAMETERS'
        $command = Get-Command -Name $Cmdlet -CommandType Cmdlet
        $docSets = [regex]::Matches((Get-DocSection $Cmdlet 'SYNTAX'), '(?m)^### (.+?)[ \t]*$') | ForEach-Object { ($_.Groups[1].Value -replace '\(Default\)$', '').Trim() }
        ($docSets | Sort-Object) -join ',' | Should -Be (($command.ParameterSets.Name | Sort-Object) -join ',') -Because 'SYNTAX must have the parameter sets of the cmdlet'
        foreach ($block in [regex]::Matches($section, '(?ms)^### -(\w+)[ \t]*$(.*?)(?=^### |\z)')) {
            $name = $block.Groups[1].Value
            if ($name -in [System.Management.Automation.Cmdlet]::CommonParameters) { continue }
            $metadata = $command.Parameters[$name]
            if (-not $metadata) { continue }   # 'describes every parameter the cmdlet has, and no other' reports it
            # platyPS writes a Nullable[T] parameter as T.
            $parameterType = [System.Nullable]::GetUnderlyingType($metadata.ParameterType)
            if (-not $parameterType) { $parameterType = $metadata.ParameterType }
            $type = if ($metadata.SwitchParameter) { 'SwitchParameter' } else { $parameterType.Name }
            foreach ($yaml in [regex]::Matches($block.Groups[2].Value, '(?ms)^```yaml[ \t]*$(.*?)^```')) {
                $values = @{}
                foreach ($line in $yaml.Groups[1].Value -split "`n" | Where-Object { $_ -match ':' }) {
                    $key, $value = $line -split ':', 2
                    $values[$key.Trim()] = $value.Trim()
                }
                $docType = if ($values['Type'] -cin 'SwitchParameter', 'switch', 'Switch') { 'SwitchParameter' } else { ($values['Type'] -split '\.')[-1] }
                $docType | Should -Be $type -Because "-$name is documented as $($values['Type'])"
                $sets = $values['Parameter Sets'] -split ',' | ForEach-Object Trim | Where-Object { $_ }
                foreach ($set in $metadata.ParameterSets.GetEnumerator()) {
                    if ($sets -cnotcontains '(All)' -and $sets -notcontains $set.Key -and $set.Key -ne '__AllParameterSets') { continue }
                    [bool]::Parse($values['Required']) | Should -Be $set.Value.IsMandatory -Because "-$name ($($set.Key)) Required"
                    $position = if ($set.Value.Position -eq [int]::MinValue) { 'Named' } else { [string]$set.Value.Position }
                    $values['Position'] | Should -Be $position -Because "-$name ($($set.Key)) Position"
                    $values['Accept pipeline input'].Contains('ByValue') | Should -Be $set.Value.ValueFromPipeline -Because "-$name ($($set.Key)) ByValue"
                    $values['Accept pipeline input'].Contains('ByPropertyName') | Should -Be $set.Value.ValueFromPipelineByPropertyName -Because "-$name ($($set.Key)) ByPropertyName"
                }
            }
        }
    }
}

Describe 'docs/en-US' {
    It 'documents only exported cmdlets' {
        Get-ChildItem -Path $Docs -Filter *.md | Where-Object Name -NotLike 'about_*' |
            Where-Object { $_.BaseName -cnotin $ExportedCmdlets } | ForEach-Object Name |
            Should -BeNullOrEmpty -Because 'a file CmdletsToExport does not list must be removed, or its cmdlet exported'
    }

    It 'has a platyPS page for every cmdlet of the module with a prompted example and a section for each parameter' {
        $commands = @(Get-Command -Module MessagingProvider -CommandType Cmdlet)
        $commands.Name | Should -Contain 'Test-MailAccount'
        foreach ($command in $commands) {
            $path = [System.IO.Path]::Combine($Docs, "$($command.Name).md")
            [System.IO.File]::Exists($path) | Should -BeTrue -Because "$path is missing"
            $page = [System.IO.File]::ReadAllText($path)
            $page.Contains("# $($command.Name)`n") | Should -BeTrue -Because "$path must have the title '# $($command.Name)'"
            $page.Contains('schema: 2.0.0') | Should -BeTrue -Because "$path must be platyPS schema 2.0.0"
            $page.Contains("``````powershell`nPS C:\> ") | Should -BeTrue -Because "$path needs an example with the PS C:\> prompt"
            foreach ($parameter in $command.Parameters.Keys) {
                if ($parameter -in [System.Management.Automation.Cmdlet]::CommonParameters -or $parameter -in [System.Management.Automation.Cmdlet]::OptionalCommonParameters) { continue }
                $page.Contains("`n### -$parameter`n") | Should -BeTrue -Because "$($command.Name): -$parameter must be documented"
            }
        }
    }
}

Describe 'The Pester suite' {
    It 'has a test file for every exported cmdlet' {
        $ExportedCmdlets | Where-Object { -not [System.IO.File]::Exists([System.IO.Path]::Combine($PSScriptRoot, "$_.Tests.ps1")) } |
            Should -BeNullOrEmpty -Because 'each exported cmdlet needs tests/Pester/<name>.Tests.ps1'
    }

    It 'has only files that parse' {
        $problems = foreach ($file in [System.IO.Directory]::GetFiles($PSScriptRoot, '*.ps1')) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $null, [ref] $errors)
            foreach ($e in $errors) { '{0}({1}): {2}' -f [System.IO.Path]::GetFileName($file), $e.Extent.StartLineNumber, $e.Message }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'uses no PowerShell 7 syntax, so that Windows PowerShell 5.1 can parse every file' {
        # The Windows leg runs these files in powershell.exe; ??, ?., &&, || and ?: do not parse there.
        $files = @([System.IO.Directory]::GetFiles($PSScriptRoot, '*.ps1')) + @([System.IO.Directory]::GetFiles([System.IO.Path]::Combine($RepoRoot, 'tests', 'windows'), '*.ps1'))
        $problems = foreach ($file in $files) {
            $tokens = $null
            $errors = $null
            $ast = [System.Management.Automation.Language.Parser]::ParseFile($file, [ref] $tokens, [ref] $errors)
            $found = @($tokens | Where-Object { $_.Kind -in 'QuestionQuestion', 'QuestionQuestionEquals', 'QuestionDot', 'QuestionLBracket', 'AndAnd', 'OrOr' })
            $found += @($ast.FindAll({ param($node) $node -is [System.Management.Automation.Language.TernaryExpressionAst] -or $node -is [System.Management.Automation.Language.PipelineChainAst] }, $true))
            foreach ($item in $found) { '{0}({1}): {2}' -f [System.IO.Path]::GetFileName($file), $item.Extent.StartLineNumber, $item.Extent.Text }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'ends a file that stops making progress and names the step it hung in' {
        # What tests/Invoke-PesterSuite.ps1 does for a hung stand-in, with a 15 s limit instead of 60 s
        # (long enough for a loaded machine to start pwsh and Pester, which print nothing meanwhile).
        $folder = [System.IO.Directory]::CreateDirectory([System.IO.Path]::Combine($TestDrive, 'hung')).FullName
        [System.IO.File]::WriteAllText([System.IO.Path]::Combine($folder, 'HungOnPurpose.Tests.ps1'),
            "Describe 'A stand-in' { It 'answers' { 1 | Should -Be 1 }; It 'never replies' { Start-Sleep -Seconds 600 } }")
        $runner = [System.IO.Path]::Combine($RepoRoot, 'tests', 'Invoke-PesterSuite.ps1')
        $pester = (Get-Module Pester).Path -replace 'psm1$', 'psd1'
        $clock = [System.Diagnostics.Stopwatch]::StartNew()
        $output = & ([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) @(
            if ([System.IO.Path]::GetFileNameWithoutExtension([System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName) -eq 'dotnet') { [System.IO.Path]::Combine($PSHOME, 'pwsh.dll') }
        ) -NoProfile -NonInteractive -File $runner -PesterPath $pester -Path $folder -StallSeconds 15 -ThrottleLimit 1
        $exitCode = $LASTEXITCODE
        $clock.Elapsed.TotalSeconds | Should -BeLessThan 55
        $exitCode | Should -Be 1
        ($output -join "`n") | Should -BeLike "*HungOnPurpose: STALLED - no output for 15 s in step 'A stand-in.never replies'*"
        $output[-1] | Should -BeLike 'pester: 0 passed, 1 failed, 0 skipped, 0 not run*'
    }

    It 'keeps the store, provider, address, help, format, completion and load-context tests in the Windows legs (<Leg>)' -ForEach @(
        @{ Leg = 'pwsh 7: -ExcludeTag LinuxOnly'; Exclude = 'LinuxOnly'; Files = 'New-IdentityStore', 'Get-IdentityStore', 'Set-IdentityStore', 'Export-IdentityStore', 'Set-MessagingProvider', 'Merge-EmailAddress', 'Test-EmailAlias', 'Set-RecipientEmailAddress', 'Set-ExchangeServerPriority', 'Help', 'Format', 'Completion', 'LoadContext' }
        @{ Leg = 'Windows PowerShell 5.1: -ExcludeTag LinuxOnly,StandIns'; Exclude = 'LinuxOnly,StandIns'; Files = 'New-IdentityStore', 'Get-IdentityStore', 'Set-IdentityStore', 'Export-IdentityStore', 'Set-MessagingProvider', 'Merge-EmailAddress', 'Test-EmailAlias', 'Help', 'Format', 'Completion' }
    ) {
        # Pester's own discovery with the leg's filter, in a child process (Pester does not nest).
        $paths = ($Files | ForEach-Object { "'" + [System.IO.Path]::Combine($PSScriptRoot, "$_.Tests.ps1") + "'" }) -join ','
        $pester = (Get-Module Pester).Path -replace 'psm1$', 'psd1'
        $script = "Import-Module '$pester'; `$c = New-PesterConfiguration; `$c.Run.Path = @($paths); `$c.Run.SkipRun = `$true; `$c.Run.PassThru = `$true; " +
            "`$c.Output.Verbosity = 'None'; `$c.Filter.ExcludeTag = '$Exclude' -split ','; " +
            "(Invoke-Pester -Configuration `$c).Containers | ForEach-Object { '{0}={1}' -f [System.IO.Path]::GetFileName(`$_.Item), @(`$_.Blocks | ForEach-Object { `$_.Tests } | Where-Object ShouldRun).Count }"
        $self = [System.Diagnostics.Process]::GetCurrentProcess().MainModule.FileName
        $lines = & $self @(if ([System.IO.Path]::GetFileNameWithoutExtension($self) -eq 'dotnet') { [System.IO.Path]::Combine($PSHOME, 'pwsh.dll') }) -NoProfile -NonInteractive -Command $script
        foreach ($file in $Files) {
            $line = @($lines | Where-Object { $_ -like "$file.Tests.ps1=*" })
            $line | Should -HaveCount 1 -Because "$file.Tests.ps1 must be discovered ($($lines -join '; '))"
            [int] ($line[0] -replace '^.*=', '') | Should -BeGreaterThan 0 -Because "the $Leg leg must run tests of $file.Tests.ps1"
        }
    }
}

Describe 'The module build' {
    It 'writes the MAML file with every cmdlet page, and the about topic' {
        $enUs = [System.IO.Path]::Combine($RepoRoot, 'out', 'MessagingProvider', 'en-US')
        $maml = [System.IO.Path]::Combine($enUs, 'MessagingProvider.dll-Help.xml')
        [System.IO.File]::Exists($maml) | Should -BeTrue -Because "$maml is missing: the module build did not run the help builder"
        $document = [System.Xml.Linq.XDocument]::Load($maml)
        $commands = @(foreach ($element in $document.Root.Elements()) {
                @($element.Descendants() | Where-Object { $_.Name.LocalName -eq 'name' })[0].Value
            })
        $files = [string[]] @(Get-ChildItem -Path $Docs -Filter *.md | Where-Object Name -NotLike 'about_*' | ForEach-Object BaseName)
        [Array]::Sort($files, [System.StringComparer]::Ordinal)
        $commands -join ',' | Should -BeExactly ($files -join ',')
        [System.IO.File]::Exists([System.IO.Path]::Combine($enUs, 'about_MessagingProvider.help.txt')) | Should -BeTrue
    }
}

Describe 'about_MessagingProvider' {
    BeforeEach {
        Initialize-TestConfiguration
        $script:WorkingDirectory = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-work").FullName
    }

    AfterEach {
        Remove-TestConfiguration
        if ([System.IO.Directory]::Exists($WorkingDirectory)) { [System.IO.Directory]::Delete($WorkingDirectory, $true) }
    }

    It 'explains configuration, secrets and priority' {
        $about = (Get-Help -Name about_MessagingProvider | ForEach-Object { "$_" }) -join "`n"
        foreach ($concept in 'identity store', 'MESSAGINGPROVIDER_CONFIG_PATH', 'DPAPI', 'AES-256-GCM', 'secret.key', '0600', 'priority', 'Windows PowerShell 5.1') {
            $about.Contains($concept) | Should -BeTrue -Because "about_MessagingProvider must mention '$concept'"
        }
    }

    It 'has an example that runs and succeeds in a fresh session' {
        $about = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($Docs, 'about_MessagingProvider.md')) -replace "`r`n", "`n"
        $examples = [regex]::Match($about, '(?ms)^# EXAMPLES\s*$(.*?)(?=^# )').Groups[1].Value
        $code = [regex]::Match($examples, '(?ms)^```powershell\s*$(.*?)^```').Groups[1].Value
        $code.Contains('New-IdentityStore') | Should -BeTrue
        $runspace = New-ExampleRunspace $WorkingDirectory
        try {
            $results = Invoke-ExampleStep $runspace $code 'The about_MessagingProvider example'
        }
        finally {
            $runspace.Dispose()
        }
        $isValid = @($results | Where-Object { $_.PSObject.TypeNames[0].EndsWith('EmailAliasTestResult', [System.StringComparison]::Ordinal) } | ForEach-Object IsValid)
        $isValid | Should -HaveCount 2
        $isValid[0] | Should -BeTrue
        $isValid[1] | Should -BeFalse
    }
}

Describe 'Examples of docs/en-US' {
    BeforeAll {
        function Invoke-DocExample([string] $File, [string] $Title, [string[]] $Requires, [string[]] $Setup, [string] $Runnable) {
            $unknown = @($Requires | Where-Object { $_ -cnotin 'mailserver', 'cloud', 'exchange' })
            $unknown | Should -BeNullOrEmpty -Because "$File '$Title' requires '$($unknown -join "', '")'; the tests provide only 'mailserver', 'cloud' and 'exchange' (see docs/README.md)"
            $cloud = $null
            $exchange = $null
            $runspace = $null
            try {
                $variables = @{}
                $mailServer = $null
                if ($Requires -contains 'mailserver') {
                    $mailServer = Get-ExampleMailServer
                    $variables.MailServer = [pscustomobject](Get-ExampleMailServerVariable $mailServer)
                }
                if ($Requires -contains 'cloud') {
                    # With the mail server, the mailbox's delegated tokens are ones its Dovecot accepts for SMTP XOAUTH2.
                    $cloud = [MessagingProvider.TestSupport.CloudStandIns]::Start($(if ($mailServer) { $mailServer.SigningKey } else { $null }))
                    $variables.Cloud = [pscustomobject]$cloud.Variable()
                }
                if ($Requires -contains 'exchange') {
                    # Every Exchange server the module connects to is a stand-in server process, started on first connection.
                    $exchange = [MessagingProvider.TestSupport.ExchangeStandIns]::new($true, 'contoso.com')
                    $variables.ExchangeLab = $exchange.Directory
                }
                $runspace = New-ExampleRunspace $WorkingDirectory $variables
                $null = Invoke-ExampleStep $runspace $ExamplePrelude 'The example prelude (tests/Pester/ExamplePrelude.ps1)'
                foreach ($step in $Setup) { $null = Invoke-ExampleStep $runspace $step "The set-up of $File '$Title'" }
                $null = Invoke-ExampleStep $runspace $Runnable "$File '$Title'"
            }
            finally {
                if ($runspace) { $runspace.Dispose() }
                if ($cloud) { $cloud.Dispose() }
                if ($exchange) { $exchange.Dispose() }
            }
        }
    }

    BeforeEach {
        Initialize-TestConfiguration
        $script:WorkingDirectory = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-work").FullName
    }

    AfterEach {
        Remove-TestConfiguration
        if ([System.IO.Directory]::Exists($WorkingDirectory)) { [System.IO.Directory]::Delete($WorkingDirectory, $true) }
    }

    It '<File> "<Title>" runs and succeeds after its set-up' -ForEach @($examples | Where-Object { -not $_.Requires }) {
        Invoke-DocExample $File $Title $Requires $Setup $Runnable
    }

    # The cloud and Exchange stand-ins (tests/MessagingProvider.TestSupport, .NET 10).
    It '<File> "<Title>" runs and succeeds after its set-up' -ForEach @($examples | Where-Object { $_.Requires -and $_.Requires -notcontains 'mailserver' }) -Tag StandIns {
        Invoke-DocExample $File $Title $Requires $Setup $Runnable
    }

    # Postfix and Dovecot: the Linux mail stack of the suite.
    It '<File> "<Title>" runs and succeeds after its set-up' -ForEach @($examples | Where-Object Requires -Contains 'mailserver') -Tag LinuxOnly, StandIns {
        Invoke-DocExample $File $Title $Requires $Setup $Runnable
    }
}

# The views of module/MessagingProvider.Format.ps1xml: every type the exported cmdlets declare in
# [OutputType] (and the module's types those carry in their properties) has a view that names real
# properties, renders through pwsh's own formatter (Out-String) with its labels, and shows secrets masked.

BeforeDiscovery {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $cmdlets = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport
}

BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'common.ps1'))
    $script:Exported = (Import-PowerShellDataFile ([System.IO.Path]::Combine($RepoRoot, 'MessagingProvider.psd1'))).CmdletsToExport
    [xml] $script:FormatXml = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($RepoRoot, 'module', 'MessagingProvider.Format.ps1xml'))
    Import-Module $ModuleManifest -Force

    $script:PublicInstance = [System.Reflection.BindingFlags] 'Public, Instance'

    function Get-ReachableType([type[]] $Declared) {
        # The declared types and the module's own classes their public properties hold (e.g.
        # ExchangeServerInfo[] in Servers, List[SmtpTestStageResult] in Stages), by full name.
        $seen = [System.Collections.Generic.HashSet[type]]::new()
        $pending = [System.Collections.Generic.Queue[type]]::new()
        foreach ($t in $Declared) { $pending.Enqueue($t) }
        while ($pending.Count -gt 0) {
            $type = $pending.Dequeue()
            if (-not $seen.Add($type)) { continue }
            foreach ($property in $type.GetProperties($PublicInstance)) {
                # T of T[] and of generic collections, else the type itself.
                $held = $property.PropertyType
                if ($held.IsArray) { $held = $held.GetElementType() }
                elseif ($held -ne [string]) {
                    $enumerable = @($held.GetInterfaces()) + $held | Where-Object { $_.IsGenericType -and $_.GetGenericTypeDefinition() -eq [System.Collections.Generic.IEnumerable`1] } | Select-Object -First 1
                    if ($enumerable) { $held = $enumerable.GetGenericArguments()[0] }
                }
                if ($held.IsClass -and $held.Namespace -like 'MessagingProvider*') { $pending.Enqueue($held) }
            }
        }
        $seen | Sort-Object FullName
    }

    function Get-DeclaredType([string] $Cmdlet) {
        # The module's own types; those PowerShell formats itself (FileInfo of Export-IdentityStore -PassThru) are not its to view.
        (Get-Command -Name $Cmdlet -CommandType Cmdlet).OutputType.Type | Where-Object { $_ -and $_ -ne [void] -and $_.Namespace -like 'MessagingProvider*' }
    }

    function Get-AllOutputType { Get-ReachableType ($Exported | ForEach-Object { Get-DeclaredType $_ }) }

    function Get-View { $FormatXml.Configuration.ViewDefinitions.View }

    function Get-ViewTypeName([System.Xml.XmlElement] $View) { @($View.ViewSelectedBy.TypeName | ForEach-Object Trim) }

    function Get-ViewItem([System.Xml.XmlElement] $View) {
        # Table columns and list items: the label they show (the property name when unlabelled),
        # the property they show and their script block.
        $headers = @($View.SelectNodes('./TableControl//TableColumnHeader'))
        $columns = @($View.SelectNodes('./TableControl//TableColumnItem'))
        for ($i = 0; $i -lt $columns.Count; $i++) {
            $property = $columns[$i].SelectSingleNode('./PropertyName').InnerText
            $label = if ($i -lt $headers.Count) { $headers[$i].SelectSingleNode('./Label').InnerText }
            [pscustomobject]@{ Label = if ($label) { $label } else { $property }; Property = $property; ScriptBlock = $columns[$i].SelectSingleNode('./ScriptBlock').InnerText }
        }
        foreach ($item in $View.SelectNodes('.//ListItem')) {
            $property = $item.SelectSingleNode('./PropertyName').InnerText
            $label = $item.SelectSingleNode('./Label').InnerText
            [pscustomobject]@{ Label = if ($label) { $label } else { $property }; Property = $property; ScriptBlock = $item.SelectSingleNode('./ScriptBlock').InnerText }
        }
    }
}

Describe 'Output of <_>' -ForEach $cmdlets {
    It 'declares [OutputType] and has a view for each type it outputs' {
        (Get-Command -Name $_ -CommandType Cmdlet).OutputType | Should -Not -BeNullOrEmpty -Because "$_ must declare [OutputType] (use typeof(void) when it returns nothing)"
        $viewTypes = Get-View | ForEach-Object { Get-ViewTypeName $_ }
        $missing = Get-ReachableType (Get-DeclaredType $_) | Where-Object { $viewTypes -notcontains $_.FullName } | ForEach-Object FullName
        $missing | Should -BeNullOrEmpty -Because "$_ outputs these without a view: add a table view (and a list view where rows are wide) to module/MessagingProvider.Format.ps1xml"
    }
}

Describe 'MessagingProvider.Format.ps1xml' {
    It 'has a view for the mail output type <_>' -ForEach @(
        'MessagingProvider.Output.EmailProviderDomainInfo'
        'MessagingProvider.Output.EmailProviderResolution'
        'MessagingProvider.Output.MailServerInfo'
        'MessagingProvider.Output.MailAccountInfo'
        'MessagingProvider.Output.MailAccountTestResult'
        'MessagingProvider.Output.MailAccountTestStageResult'
    ) {
        Get-View | ForEach-Object { Get-ViewTypeName $_ } | Should -Contain $_
    }

    It 'has only script blocks that parse' {
        $blocks = @($FormatXml.SelectNodes('//ScriptBlock') | ForEach-Object InnerText)
        $blocks | Should -Not -BeNullOrEmpty
        $problems = foreach ($block in $blocks) {
            $errors = $null
            $null = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref] $null, [ref] $errors)
            if ($errors) { "${block}: $($errors[0].Message)" }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'has table or list views that select output types and show their real properties' {
        $types = @{}
        foreach ($type in Get-AllOutputType) { $types[$type.FullName] = $type }
        $problems = foreach ($view in Get-View) {
            $name = $view.Name
            if (-not ($view.TableControl -or $view.ListControl)) { "view $name is not a table or list control" }
            $items = @(Get-ViewItem $view)
            if ($items.Count -eq 0) { "view $name shows nothing" }
            foreach ($typeName in Get-ViewTypeName $view) {
                if (-not $types.ContainsKey($typeName)) { "view $name selects $typeName, which no exported cmdlet outputs"; continue }
                foreach ($item in $items | Where-Object Property) {
                    if (-not $types[$typeName].GetProperty($item.Property, $PublicInstance)) {
                        "view $name shows $($item.Property), which $typeName does not have"
                    }
                }
            }
            foreach ($item in $items | Where-Object ScriptBlock) {
                $errors = $null
                $null = [System.Management.Automation.Language.Parser]::ParseInput($item.ScriptBlock, [ref] $null, [ref] $errors)
                if ($errors) { "view $name, column $($item.Label): script block does not parse: $($errors[0].Message)" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }

    It 'renders a default instance of every output type with its view' {
        $problems = foreach ($type in Get-AllOutputType) {
            $text = [Activator]::CreateInstance($type) | Out-String -Width 200 -ErrorVariable err
            if ($err) { "$($type.FullName): $($err[0])" }
            # The first view selecting the type is the one pwsh uses by default.
            $view = Get-View | Where-Object { (Get-ViewTypeName $_) -contains $type.FullName } | Select-Object -First 1
            if (-not $view) { continue }
            foreach ($item in Get-ViewItem $view) {
                if ($item.Label -and -not $text.Contains($item.Label)) { "$($type.FullName) rendered without '$($item.Label)' of view $($view.Name):`n$text" }
            }
        }
        $problems | Should -BeNullOrEmpty
    }
}

Describe 'Secrets in output' {
    BeforeEach { Initialize-TestConfiguration }
    AfterEach { Remove-TestConfiguration }

    It 'shows every provider secret masked' {
        $pfx = New-TestPfx -Name 'MessagingProvider format test' -Password 'Pfx-P@ss-456' -NotAfter ([datetimeoffset]::UtcNow.AddYears(1))
        $jsonKey = New-TestGoogleJsonKey -ClientEmail 'messaging@contoso-project.iam.gserviceaccount.com'
        $pem = ([System.IO.File]::ReadAllText($jsonKey) | ConvertFrom-Json).private_key
        $null = New-IdentityStore -Name Exch, O365, Google
        Set-MessagingProvider -IdentityStore Exch -Provider Exchange -Domain contoso.com -Credential (New-TestCredential -Password 'Exch-P@ss-123') -Server exch01.contoso.com -Force
        Set-MessagingProvider -IdentityStore O365 -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 `
            -ClientSecret (ConvertTo-TestSecureString 'Client-S3cret-Value') -CertificatePath $pfx -CertificatePassword (ConvertTo-TestSecureString 'Pfx-P@ss-456') -Force
        Set-MessagingProvider -IdentityStore Google -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $jsonKey -Force

        $text = Get-MessagingProvider | Out-String -Width 200 -ErrorVariable err
        $err | Should -HaveCount 0
        $text | Should -MatchExactly '(?m)^Password\s+: \*{8}\s*$'
        $text | Should -MatchExactly '(?m)^ClientSecret\s+: \*{8}\s*$'
        $text | Should -MatchExactly '(?m)^Key\s+: \*{8}\s*$'
        $text | Should -MatchExactly '(?m)^Certificate\s+: CN=MessagingProvider format test \([0-9A-F]{40}, expires \d{4}-\d{2}-\d{2}\)\s*$'
        foreach ($secret in 'Exch-P@ss-123', 'Client-S3cret-Value', 'Pfx-P@ss-456', 'PRIVATE KEY', ($pem -split "`n")[1]) {
            $text.Contains($secret) | Should -BeFalse -Because "the output must not show '$secret'"
        }
    }
}

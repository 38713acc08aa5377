# Mirrors tests/MessagingProvider.Tests/Formatting/FormatViewTests.cs, rendering with Out-String
# (pwsh has it; the hosted engine renders through a capturing host). Run with ./build.ps1 -Task Test.

BeforeDiscovery {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $cmdlets = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport
}

BeforeAll {
    $root = [System.IO.Path]::GetFullPath([System.IO.Path]::Combine($PSScriptRoot, '..', '..'))
    $script:ModuleManifest = [System.IO.Path]::Combine($root, 'out', 'MessagingProvider', 'MessagingProvider.psd1')
    $script:Exported = (Import-PowerShellDataFile ([System.IO.Path]::Combine($root, 'MessagingProvider.psd1'))).CmdletsToExport
    [xml] $script:Format = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'module', 'MessagingProvider.Format.ps1xml'))
    [xml] $script:Types = [System.IO.File]::ReadAllText([System.IO.Path]::Combine($root, 'module', 'MessagingProvider.Types.ps1xml'))
    Import-Module $ModuleManifest -Force

    function Get-ReachableType([type[]] $Declared) {
        # The declared types and the module's own classes their properties hold.
        $seen = [System.Collections.Generic.HashSet[type]]::new()
        $pending = [System.Collections.Generic.Queue[type]]::new()
        foreach ($t in $Declared) { $pending.Enqueue($t) }
        while ($pending.Count -gt 0) {
            $type = $pending.Dequeue()
            if (-not $seen.Add($type)) { continue }
            foreach ($property in $type.GetProperties()) {
                # T of T[] and of generic collections such as List[T] (Stages of SmtpServerTestResult).
                $held = $property.PropertyType
                if ($held.IsArray) { $held = $held.GetElementType() }
                elseif ($held -ne [string]) {
                    $enumerable = @($held.GetInterfaces()) + $held | Where-Object { $_.IsGenericType -and $_.GetGenericTypeDefinition() -eq [System.Collections.Generic.IEnumerable`1] } | Select-Object -First 1
                    if ($enumerable) { $held = $enumerable.GetGenericArguments()[0] }
                }
                if ($held.IsClass -and $held.Namespace -like 'MessagingProvider*') { $pending.Enqueue($held) }
            }
        }
        $seen
    }

    function Get-DeclaredType([string] $Cmdlet) {
        (Get-Command $Cmdlet).OutputType.Type | Where-Object { $_ -and $_ -ne [void] }
    }

    function Get-ViewTypeName { $Format.Configuration.ViewDefinitions.View.ViewSelectedBy.TypeName | ForEach-Object Trim }
}

Describe 'Output of <_>' -ForEach $cmdlets {
    It 'declares [OutputType] and has a view for each type it outputs' {
        (Get-Command $_).OutputType | Should -Not -BeNullOrEmpty -Because 'use typeof(void) when it returns nothing'
        $views = Get-ViewTypeName
        foreach ($type in Get-ReachableType (Get-DeclaredType $_)) {
            $views | Should -Contain $type.FullName -Because "$_ outputs $($type.FullName)"
        }
    }
}

Describe 'MessagingProvider.Format.ps1xml' {
    It 'selects only output types and shows only their real properties; script blocks parse' {
        $types = @{}
        foreach ($type in Get-ReachableType ($Exported | ForEach-Object { Get-DeclaredType $_ })) { $types[$type.FullName] = $type }
        foreach ($view in $Format.Configuration.ViewDefinitions.View) {
            $view.TableControl -or $view.ListControl | Should -BeTrue -Because "$($view.Name) is a table or list"
            foreach ($typeName in $view.ViewSelectedBy.TypeName | ForEach-Object Trim) {
                $types.ContainsKey($typeName) | Should -BeTrue -Because "view $($view.Name) selects $typeName"
                $aliases = ($Types.Types.Type | Where-Object { $_.Name.Trim() -eq $typeName }).Members.ChildNodes | ForEach-Object { $_.Name }
                foreach ($property in $view.SelectNodes('.//PropertyName') | ForEach-Object { $_.InnerText.Trim() }) {
                    ($types[$typeName].GetProperty($property) -or $aliases -contains $property) | Should -BeTrue -Because "view $($view.Name) shows $property"
                }
            }
            foreach ($block in $view.SelectNodes('.//ScriptBlock') | ForEach-Object InnerText) {
                $errors = $null
                $null = [System.Management.Automation.Language.Parser]::ParseInput($block, [ref] $null, [ref] $errors)
                $errors | Should -BeNullOrEmpty -Because "view $($view.Name): $block"
            }
        }
    }

    It 'renders every output type with its view' {
        foreach ($type in Get-ReachableType ($Exported | ForEach-Object { Get-DeclaredType $_ })) {
            $view = $Format.Configuration.ViewDefinitions.View | Where-Object { $_.ViewSelectedBy.TypeName.Trim() -contains $type.FullName } | Select-Object -First 1
            $text = [Activator]::CreateInstance($type) | Out-String
            foreach ($label in $view.SelectNodes('.//Label') | ForEach-Object InnerText) {
                $text | Should -BeLike "*$label*" -Because "$($type.FullName) renders with view $($view.Name)"
            }
        }
    }
}

Describe 'Secrets in output' {
    BeforeAll {
        $script:ConfigDirectory = [System.IO.Path]::Combine([System.IO.Path]::GetTempPath(), 'mp-pester-' + [guid]::NewGuid().ToString('N'))
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $ConfigDirectory
        $files = [System.IO.Directory]::CreateDirectory("$ConfigDirectory-files").FullName
        $rsa = [System.Security.Cryptography.RSA]::Create(2048)
        $request = [System.Security.Cryptography.X509Certificates.CertificateRequest]::new('CN=MessagingProvider format test', $rsa,
            [System.Security.Cryptography.HashAlgorithmName]::SHA256, [System.Security.Cryptography.RSASignaturePadding]::Pkcs1)
        $certificate = $request.CreateSelfSigned([datetimeoffset]::UtcNow.AddDays(-1), [datetimeoffset]::UtcNow.AddYears(1))
        $script:Pfx = [System.IO.Path]::Combine($files, 'format-test.pfx')
        [System.IO.File]::WriteAllBytes($Pfx, $certificate.Export('Pkcs12', 'Pfx-P@ss-456'))
        $keyRsa = [System.Security.Cryptography.RSA]::Create(2048)
        $script:Pem = $keyRsa.ExportPkcs8PrivateKeyPem()
        $script:JsonKey = [System.IO.Path]::Combine($files, 'google-key.json')
        [System.IO.File]::WriteAllText($JsonKey, ([ordered]@{
                    type = 'service_account'; private_key_id = '0123456789abcdef'; private_key = $Pem
                    client_email = 'messaging@contoso-project.iam.gserviceaccount.com'
                } | ConvertTo-Json))
    }

    AfterAll {
        $env:MESSAGINGPROVIDER_CONFIG_PATH = $null
        foreach ($path in $ConfigDirectory, "$ConfigDirectory-files") {
            if ([System.IO.Directory]::Exists($path)) { [System.IO.Directory]::Delete($path, $true) }
        }
    }

    It 'shows every provider secret masked' {
        function secure([string] $Text) { [System.Net.NetworkCredential]::new('', $Text).SecurePassword }
        $null = New-IdentityStore -Name Exch, O365, Google
        Set-MessagingProvider -IdentityStore Exch -Provider Exchange -Domain contoso.com -Credential ([pscredential]::new('CONTOSO\svc-mp', (secure 'Exch-P@ss-123'))) -Server exch01.contoso.com -Force
        Set-MessagingProvider -IdentityStore O365 -Provider Office365 -Domain contoso.com -Organization contoso.onmicrosoft.com -ApplicationId 6f1d3c8e-5a0b-4a57-9d3e-2c7f1b9e4a10 -ClientSecret (secure 'Client-S3cret-Value') -CertificatePath $Pfx -CertificatePassword (secure 'Pfx-P@ss-456') -Force
        Set-MessagingProvider -IdentityStore Google -Provider GoogleWorkspace -AdminUser admin@contoso.com -KeyPath $JsonKey -Force

        $text = Get-MessagingProvider | Out-String -Width 200
        $text | Should -Match '(?m)^Password\s+: \*{8}\s*$'
        $text | Should -Match '(?m)^ClientSecret\s+: \*{8}\s*$'
        $text | Should -Match '(?m)^Key\s+: \*{8}\s*$'
        $text | Should -Match '(?m)^Certificate\s+: CN=MessagingProvider format test \([0-9A-F]{40}, expires \d{4}-\d{2}-\d{2}\)\s*$'
        foreach ($secret in 'Exch-P@ss-123', 'Client-S3cret-Value', 'Pfx-P@ss-456', 'PRIVATE KEY', ($Pem -split "`n")[1]) {
            $text | Should -Not -BeLike "*$secret*"
        }
    }
}

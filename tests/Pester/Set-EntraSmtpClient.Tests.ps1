BeforeAll {
    . ([System.IO.Path]::Combine($PSScriptRoot, 'EntraSmtp.common.ps1'))
    $server = Start-TestMailServer
}
AfterAll { $server.Dispose() }

Describe 'Set-EntraSmtpClient' -Tag LinuxOnly {
    BeforeEach { Start-EntraSmtpTest $server }
    AfterEach { Stop-EntraSmtpTest }

    It 'stores the settings with the defaults and the secret masked, never in plain text' {
        $null = New-IdentityStore -Name Contoso
        $all = Set-EntraSmtpClient -IdentityStore Contoso -TenantId $Entra.TenantId -ClientId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret) `
            -PassThru -Verbose -ErrorVariable err 4>&1
        $err | Should -HaveCount 0
        $verbose = @($all | Where-Object { $_ -is [System.Management.Automation.VerboseRecord] } | ForEach-Object Message)
        $set = @($all | Where-Object { $_ -isnot [System.Management.Automation.VerboseRecord] })
        $set | Should -HaveCount 1
        $set[0].ClientSecret | Should -Be '********'
        $verbose | Should -Not -BeNullOrEmpty
        foreach ($message in $verbose) { $message | Should -Not -Match ([regex]::Escape($EntraSecret)) }

        $info = @(Get-EntraSmtpClient -IdentityStore Contoso -ErrorVariable err)
        $err | Should -HaveCount 0
        $info | Should -HaveCount 1
        $info = $info[0]
        $info.PSObject.TypeNames[0] | Should -Be 'MessagingProvider.Output.EntraSmtpClientInfo'
        $info.TenantId | Should -Be $Entra.TenantId
        $info.ClientId | Should -Be $Entra.ClientId
        $info.ClientSecret | Should -Be '********'
        $info.SmartHost | Should -Be 'smtp.office365.com'
        $info.Port | Should -Be 587
        $info.Security | Should -Be 'StartTls'
        $info.AuthorityHost | Should -Be 'https://login.microsoftonline.com/'
        $info.Enabled | Should -BeFalse
        $info.MailboxUser | Should -BeNullOrEmpty
        $info.TokenCachePath | Should -BeLike "$env:MESSAGINGPROVIDER_CONFIG_PATH*"
        $files = (Get-ConfigurationSnapshot).Keys
        $files | Should -Not -BeNullOrEmpty
        foreach ($file in $files) { [System.IO.File]::ReadAllText($file) | Should -Not -Match ([regex]::Escape($EntraSecret)) -Because "$file must not hold the secret" }
    }

    It 'defaults to the Office 365 cloud''s smart host and sign-in host' {
        $null = New-IdentityStore -Name Contoso
        Set-MessagingProvider -IdentityStore Contoso -Provider Office365 -Cloud USGovGCCHigh -Domain contoso.com -Organization contoso.onmicrosoft.com `
            -ApplicationId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret) -ErrorVariable err
        Set-EntraSmtpClient -IdentityStore Contoso -TenantId $Entra.TenantId -ClientId $Entra.ClientId -ClientSecret (ConvertTo-TestSecureString $EntraSecret) -ErrorVariable +err
        $err | Should -HaveCount 0
        $info = Get-EntraSmtpClient -IdentityStore Contoso
        $info.SmartHost | Should -Be 'smtp.office365.us'
        $info.AuthorityHost | Should -Be 'https://login.microsoftonline.us/'
    }

    It 'refuses bad or incomplete settings and changes nothing' {
        New-EntraSmtpTestStore $server
        $null = New-IdentityStore -Name Fabrikam
        $clientId = Assert-Refused { Set-EntraSmtpClient -IdentityStore Contoso -ClientId 'not-a-guid' } `
            'InvalidApplicationId,MessagingProvider.Commands.SetEntraSmtpClientCommand' InvalidArgument
        $clientId.Exception.Message | Should -BeLike '*Application (client) ID*'
        $null = Assert-Refused { Set-EntraSmtpClient -IdentityStore Contoso -TenantId 'no tenant' } `
            'InvalidDomainName,MessagingProvider.Commands.SetEntraSmtpClientCommand' InvalidArgument
        $null = Assert-Refused { Set-EntraSmtpClient -IdentityStore Contoso -AuthorityHost 'http://login.example' } `
            'InvalidEndpoint,MessagingProvider.Commands.SetEntraSmtpClientCommand' InvalidArgument
        $null = Assert-Refused { Set-EntraSmtpClient -IdentityStore Contoso -SmartHost 'smtp host' } `
            'InvalidServerName,MessagingProvider.Commands.SetEntraSmtpClientCommand' InvalidArgument
        $incomplete = Assert-Refused { Set-EntraSmtpClient -IdentityStore Fabrikam -TenantId contoso.onmicrosoft.com } `
            'EntraSmtpClientSettingsIncomplete,MessagingProvider.Commands.SetEntraSmtpClientCommand' InvalidArgument
        $incomplete.Exception.Message | Should -BeLike '*-ClientId, -ClientSecret*'

        Get-EntraSmtpClient -IdentityStore Fabrikam -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'EntraSmtpClientNotConfigured,MessagingProvider.Commands.GetEntraSmtpClientCommand'
    }

    It 'drops the mailbox sign-in when the app changes' {
        New-EntraSmtpTestStore $server
        $cache = (Invoke-TestMailboxLogon -Mailbox $EntraMailbox).Output[0].TokenCachePath
        $cache | Should -Exist
        Set-EntraSmtpClient -IdentityStore Contoso -ClientId 0b3a6f3e-1c2d-4e5f-8a9b-0c1d2e3f4a5b -WarningVariable warnings -WarningAction SilentlyContinue
        $warnings | Where-Object { $_.Message -like "*sign-in of $EntraMailbox*" -and $_.Message -like '*Connect-EntraSmtpMailbox*' } | Should -Not -BeNullOrEmpty
        (Get-EntraSmtpClient -IdentityStore Contoso).MailboxUser | Should -BeNullOrEmpty
        $cache | Should -Not -Exist
        Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local -ErrorVariable err -ErrorAction SilentlyContinue
        $err | Should -HaveCount 1
        $err[0].FullyQualifiedErrorId | Should -Be 'MailboxLogonRequired,MessagingProvider.Commands.SendEntraSmtpTestMessageCommand'
        $err[0].Exception.Message | Should -BeLike '*Connect-EntraSmtpMailbox*'
    }

    It 'keeps the client enabled when the same secret is given again' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        (Send-EntraSmtpTestMessage -IdentityStore Contoso -To grace@test.local).Succeeded | Should -BeTrue
        Enable-EntraSmtpClient -IdentityStore Contoso
        Set-EntraSmtpClient -IdentityStore Contoso -ClientSecret (ConvertTo-TestSecureString $EntraSecret) -SmartHost $server.Host -WarningVariable warnings -ErrorVariable err
        $err | Should -HaveCount 0
        $warnings | Should -HaveCount 0
        (Get-EntraSmtpClient -IdentityStore Contoso).Enabled | Should -BeTrue
    }

    It 'changes nothing with -WhatIf' {
        New-EntraSmtpTestStore $server
        $null = Invoke-TestMailboxLogon -Mailbox $EntraMailbox
        $before = Get-ConfigurationSnapshot
        Set-EntraSmtpClient -IdentityStore Contoso -SmartHost smtp.contoso.com -ClientSecret (ConvertTo-TestSecureString 'other') -WhatIf -ErrorVariable err
        $err | Should -HaveCount 0
        Assert-ConfigurationUnchanged $before
    }
}
